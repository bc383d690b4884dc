using System;
using System.IO;

namespace Stagehand.Package.Tests;

/// <summary>
/// A fresh consumer of the packed package drops in schemas written without this project's dialect: an OpenAPI-style
/// component (example, discriminator, known fields plus a typed bag), a draft-07 file of several definitions, a
/// nullable inline object, and a union told apart by a const tag. It builds with no diagnostic and uses each type.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class RealWorldSchemasTests
{
    private readonly PackedPackages _packed;

    public RealWorldSchemasTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void SchemasWithoutTheDialectBuildAndRun()
    {
        var folder = FreshConsumer.Create(_packed, "Shelter", "    <OutputType>Exe</OutputType>\n    <RootNamespace>Shelter</RootNamespace>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        var schemas = Directory.CreateDirectory(Path.Combine(folder, "schemas")).FullName;
        File.WriteAllText(Path.Combine(schemas, "pet-owner.schema.json"), """
            {
              "type": "object",
              "description": "An OpenAPI-style component: example, markdownDescription and a vendor keyword are annotations.",
              "example": { "name": "Ada" },
              "markdownDescription": "**owner**",
              "x-go-type": "Owner",
              "properties": {
                "name": { "type": "string", "example": "Ada" },
                "address": { "type": ["object", "null"], "properties": { "city": { "type": "string" } } }
              },
              "required": ["name"],
              "additionalProperties": { "type": "string" }
            }
            """);
        File.WriteAllText(Path.Combine(schemas, "catalog.schema.json"), """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Catalog",
              "type": "object",
              "properties": { "items": { "type": "array", "items": { "$ref": "#/definitions/Item" } } },
              "definitions": {
                "Item": { "type": "object", "properties": { "sku": { "$ref": "#/definitions/Sku", "maxLength": 1 }, "kind": { "$ref": "#/definitions/Kind" } }, "required": ["sku"] },
                "Sku": { "type": "string" },
                "Kind": { "type": "string", "enum": ["dog-food", "cat_food"] }
              }
            }
            """);
        File.WriteAllText(Path.Combine(schemas, "event.schema.json"), """
            {
              "oneOf": [
                { "type": "object", "properties": { "type": { "const": "adopted" }, "petId": { "type": "string" } }, "required": ["type", "petId"] },
                { "type": "object", "properties": { "type": { "const": "returned" }, "reason": { "type": "string" } }, "required": ["type"] }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """"
            using System;
            using Shelter;

            var owner = PetOwner.Parse("""{"name":"Ada","address":null,"nickname":"A"}"""u8);
            Console.WriteLine("owner " + owner.Name + " " + (owner.Address.HasValue && owner.Address.Value is null) + " " + owner.AdditionalMembers!["nickname"]);
            Console.WriteLine(PetOwner.Validate("""{"name":"Ada","age":3}"""u8));

            var catalog = Catalog.Parse("""{"items":[{"sku":"ABC-123","kind":"dog-food"}]}"""u8);
            Console.WriteLine("catalog " + catalog.Items![0].Sku + " " + catalog.Items[0].Kind);

            var @event = Event.Parse("""{"type":"returned","reason":"allergies"}"""u8);
            Console.WriteLine(@event.Match(adopted => "adopted " + adopted.PetId, returned => "returned " + returned.Reason));
            Console.WriteLine(Event.Validate("""{"type":"lost"}"""u8));
            """");

        var build = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, "the consumer did not build:\n" + build.Output);
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);

        var run = DotNet.Run(folder, PackedPackages.Limit, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, "the consumer failed:\n" + run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("owner Ada True A", lines);
        Assert.Contains(lines, line => line.Contains("/age type", StringComparison.Ordinal));
        Assert.Contains("catalog ABC-123 DogFood", lines);
        Assert.Contains("returned allergies", lines);
        Assert.Contains(lines, line => line.Contains("/type discriminator", StringComparison.Ordinal));
    }
}
