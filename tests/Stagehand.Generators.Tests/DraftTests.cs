using System.Collections.Immutable;
using System.Linq;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Fuzzing;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Files that name draft 7 or 2019-09 in <c>$schema</c> are read in that dialect: draft 7's <c>definitions</c> become
/// types, and a <c>$ref</c>'s siblings are ignored there (as draft 7 says) while 2020-12 applies them.
/// </summary>
public sealed class DraftTests
{
    private static string File(string dialect) => """
        {
          "$schema": "DIALECT",
          "title": "Order",
          "type": "object",
          "properties": {
            "customer": { "$ref": "#/definitions/Customer" },
            "code": { "$ref": "#/definitions/Code", "maxLength": 2 }
          },
          "required": ["customer"],
          "definitions": {
            "Customer": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] },
            "Code": { "type": "string" }
          }
        }
        """.Replace("DIALECT", dialect, System.StringComparison.Ordinal);

    [Theory]
    [InlineData("http://json-schema.org/draft-07/schema#")]
    [InlineData("https://json-schema.org/draft/2019-09/schema")]
    [InlineData("https://json-schema.org/draft/2020-12/schema")]
    public void DefinitionsBecomeTypesAndTheFileCompiles(string dialect)
    {
        var outcome = GeneratedCodeCompilesTests.Compile([new RandomSchemaFile("Order.schema.json", File(dialect))]);

        Assert.True(outcome.Problems == 0, string.Join("\n", outcome.ProblemMessages));
        Assert.Empty(outcome.Errors);
        var code = GeneratorHarness.RunInline(("Order.schema.json", File(dialect))).GeneratedSources.Single(s => s.HintName == "Order.g.cs").SourceText.ToString();
        Assert.Contains("public sealed partial record Customer", code, System.StringComparison.Ordinal);
        Assert.Contains("public required global::Inline.Contracts.Customer Customer { get; init; }", code, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-07/schema#", true)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", false)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", false)]
    public void SiblingsOfARefCountOnlyAfterDraft7(string dialect, bool longCodeIsValid)
    {
        var validate = Validator(File(dialect));

        Assert.True(validate("""{"customer":{"name":"Ada"},"code":"AB"}""").IsValid);
        Assert.Equal(longCodeIsValid, validate("""{"customer":{"name":"Ada"},"code":"ABCDE"}""").IsValid);
        Assert.False(validate("""{"customer":{}}""").IsValid);
    }

    [Fact]
    public void AnOlderDialectIsAnErrorAtItsSchemaKeyword()
    {
        var result = GeneratorHarness.RunInline(("Old.schema.json", "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"type\": \"string\"\n}"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("draft 2020-12", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>The generated Order validator, compiled and loaded.</summary>
    private static System.Func<string, ValidationResult> Validator(string text)
    {
        var order = GeneratedCodeCompilesTests.Contract(GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Order.schema.json", text)]), "Order");
        return json => order.Validate(System.Text.Encoding.UTF8.GetBytes(json), null);
    }
}
