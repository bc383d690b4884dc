using System.Linq;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Unions of objects that each require a member with their own string const are told apart by that member without
/// any dialect keyword (JSON-RPC's <c>method</c>, a <c>type</c> tag); cases are named after those values, else after
/// their title, else after their <c>$ref</c> or kind.
/// </summary>
public sealed class UnionNamingTests
{
    private static string Generate(string body)
    {
        var result = GeneratorHarness.RunInline(("Shape.schema.json", "{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", " + body + " }"));
        Assert.Empty(result.Diagnostics);
        return string.Concat(result.GeneratedSources.Where(s => s.HintName is "Shape.g.cs" or "Shape.Reader.g.cs").Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void ObjectCasesWithTheirOwnConstAreToldApartByItAndNamedAfterIt()
    {
        var code = Generate("""
            "oneOf": [
              { "type": "object", "properties": { "kind": { "const": "2.0" }, "type": { "const": "circle" }, "radius": { "type": "number" } }, "required": ["kind", "type", "radius"] },
              { "type": "object", "properties": { "kind": { "const": "2.0" }, "type": { "enum": ["square-box"] }, "side": { "type": "number" } }, "required": ["kind", "type", "side"] }
            ]
            """);

        Assert.Contains("The cases are told apart by the type member.", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromCircle(", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromSquareBox(", code, System.StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ShapeCircle", code, System.StringComparison.Ordinal);
        Assert.Contains("probe.ValueTextEquals(\"type\"u8)", code, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApiDiscriminatorChoosesTheMember()
    {
        var code = Generate("""
            "discriminator": { "propertyName": "pet", "mapping": { "cat": "#/$defs/Cat" } },
            "oneOf": [ { "$ref": "#/$defs/Cat" }, { "$ref": "#/$defs/Dog" } ],
            "$defs": {
              "Cat": { "type": "object", "properties": { "pet": { "const": "cat" }, "id": { "const": "a" } }, "required": ["pet", "id"] },
              "Dog": { "type": "object", "properties": { "pet": { "const": "dog" }, "id": { "const": "b" } }, "required": ["pet", "id"] }
            }
            """);

        Assert.Contains("The cases are told apart by the pet member.", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromCat(", code, System.StringComparison.Ordinal);
    }

    [Fact]
    public void CasesWithoutADiscriminatorAreNamedAfterTheirTitleOrKind()
    {
        var code = Generate("""
            "x-stagehand-formatAssertion": true,
            "anyOf": [
              { "title": "pixel size", "type": "integer" },
              { "type": "string" },
              { "type": "string", "format": "uuid" }
            ]
            """);

        Assert.DoesNotContain("told apart", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromPixelSize(", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromString(", code, System.StringComparison.Ordinal);
        Assert.Contains("public static Shape FromGuid(", code, System.StringComparison.Ordinal);
    }
}
