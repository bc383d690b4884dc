using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Stagehand.Package.Tests;

/// <summary>
/// A consumer's <c>*.operations.json</c> files are checked by its build, as its schemas are: a broken $ref fails the build
/// with STH0015 and an undocumented error is an STH0014 warning, each at its line and column; fixed, the build is clean.
/// The format's JSON Schema is in the package where the props say.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class OperationsBuildTests
{
    private const string Operations = """
        {
          "$schema": "https://stagehand-contracts.dev/schemas/operations.v1.json",
          "errorEnvelope": { "$ref": "PetError.schema.json" },
          "http": {
            "getPet": {
              "method": "GET",
              "path": "/pets/{id}",
              "pathParameters": { "id": { "type": "string", "format": "uuid" } },
              "responses": { "200": { "$ref": "Pett.schema.json" } }
            }
          }
        }
        """;

    private readonly PackedPackages _packed;

    public OperationsBuildTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void TheBuildChecksTheOperationsFiles()
    {
        var folder = FreshConsumer.Create(_packed, "Shop", "    <RootNamespace>Shop</RootNamespace>");
        var schemas = Path.Combine(folder, "schemas");
        Directory.CreateDirectory(schemas);
        File.WriteAllText(Path.Combine(schemas, "Pet.schema.json"), Object("name"));
        File.WriteAllText(Path.Combine(schemas, "PetError.schema.json"), Object("message"));
        File.WriteAllText(Path.Combine(schemas, "pets.operations.json"), Operations);

        var broken = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(new Regex(@"schemas[/\\]pets\.operations\.json\(9,39\): error STH0015: Broken operation wiring at '\$ref': The \$ref 'Pett\.schema\.json' of the 200 response of 'getPet' names no schema of the build"), broken.Output);
        Assert.Matches(new Regex(@"schemas[/\\]pets\.operations\.json\(5,5\): warning STH0014: The operation 'getPet' \(GET /pets/\{id\}\) documents no error response"), broken.Output);

        File.WriteAllText(Path.Combine(schemas, "pets.operations.json"), Operations.Replace(
            "\"200\": { \"$ref\": \"Pett.schema.json\" }",
            "\"200\": { \"$ref\": \"Pet.schema.json\" }, \"404\": { \"$ref\": \"PetError.schema.json\" }",
            StringComparison.Ordinal));

        var fixedBuild = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Output);
        Assert.DoesNotContain("STH001", fixedBuild.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFormatsJsonSchemaIsPackedWhereThePropsSay()
    {
        var package = _packed.PackagePath("Stagehand.Contracts");

        var packed = Encoding.UTF8.GetString(PackedPackages.Read(package, "schemas/operations.v1.schema.json"));
        var props = Encoding.UTF8.GetString(PackedPackages.Read(package, "buildTransitive/Stagehand.Contracts.props"));

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "src", "Stagehand.Schema", "Operations", "operations.v1.schema.json")), packed);
        Assert.Contains("<StagehandOperationsSchema>$(MSBuildThisFileDirectory)../schemas/operations.v1.schema.json</StagehandOperationsSchema>", props, StringComparison.Ordinal);
        Assert.Contains("$(MSBuildProjectDirectory)/**/*.operations.json", props, StringComparison.Ordinal);
    }

    private static string Object(string member) => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": { "{{member}}": { "type": "string" } }
        }
        """;
}
