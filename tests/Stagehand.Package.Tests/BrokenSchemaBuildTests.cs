using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Stagehand.Package.Tests;

/// <summary>
/// A schema that cannot be generated, whose type C# uses in a signature: the build fails with CS0246 for the missing
/// type, and the STH0004 that explains it is in the same output, at its line and column in the schema file (the
/// generator reports it; analyzers do not run once declarations fail). A second, healthy schema still generates.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class BrokenSchemaBuildTests
{
    private readonly PackedPackages _packed;

    public BrokenSchemaBuildTests(PackedPackages packed) => _packed = packed;

    [Fact]
    public void TheExplanationIsInTheBuildOutputBesideTheMissingType()
    {
        var folder = FreshConsumer.Create(_packed, "Shop", "    <RootNamespace>Shop</RootNamespace>");
        Directory.CreateDirectory(Path.Combine(folder, "schemas"));
        File.WriteAllText(Path.Combine(folder, "schemas", "Pet.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": {
                "owner": { "$ref": "Owner.schema.json" }
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "schemas", "Toy.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": { "name": { "type": "string" } }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "PetStore.cs"), """
            namespace Shop;

            public sealed class PetStore
            {
                public Toy FavouriteToy { get; } = new Toy { Name = "ball" };

                public Pet Adopt(string name) => throw new System.NotSupportedException(name);
            }
            """);

        var build = DotNet.Run(folder, PackedPackages.Limit, "build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error CS0246: The type or namespace name 'Pet' could not be found", build.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"schemas[/\\]Pet\.schema\.json\(6,24\): error STH0004: Invalid schema at '\$ref': The reference 'Owner\.schema\.json' was not found"), build.Output);
        Assert.DoesNotContain("Toy", Regex.Match(build.Output, "error CS[0-9]+:[^\n]*").Value, StringComparison.Ordinal);
    }
}
