using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>
/// STH0004 as a build shows it: every case of the generator's DiagnosticTests.BrokenSchemas, reported once, at the same
/// line and column, with the analyzers running beside the generator (the generator reports a schema it could not
/// generate; the analyzer does not report it again); then the same diagnostic mirrored onto the C# that consumes it.
/// </summary>
public sealed class InvalidSchemaTests
{
    private const string Header = SchemaTexts.Header;

    public static TheoryData<string, string, int, int, string> BrokenSchemas => new()
    {
        // name, schema text, line, column (1-based) of the diagnostic, text the message must contain
        { "malformed JSON", "{\n  \"type\": \"object\",\n  \"properties\": {\n}", 4, 2, "not valid JSON" },
        { "trailing comma", "{\n  " + Header + ",\n  \"type\": \"string\",\n}", 5, 1, "not valid JSON" },
        { "comment", "{\n  // a comment\n  " + Header + "\n}", 2, 3, "not valid JSON" },
        { "misspelt keyword", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternPropertie\": {}\n}", 5, 3, "did you mean 'patternProperties'" },
        { "unknown keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minlength\": 1\n}", 5, 3, "Unknown keyword 'minlength': did you mean 'minLength'?" },
        { "unknown extension", "{\n  " + Header + ",\n  \"x-stagehand-secret\": true\n}", 4, 3, "Unknown extension keyword 'x-stagehand-secret'" },
        { "bad visibility", "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"x-stagehand-visibility\": \"secret\"\n}", 3, 29, "must be one of public, internal" },
        { "ref not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"../v9/Missing.schema.json\" }\n  }\n}", 6, 20, "/v9/Missing.schema.json" },
        { "ref pointer not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/nothing\" }\n  }\n}", 6, 20, "'#/$defs/nothing', which does not exist" },
        { "duplicate enum values", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"a\", \"b\", \"a\"]\n}", 5, 22, "\"a\" appears twice" },
        { "duplicate keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"type\": \"number\"\n}", 5, 3, "appears twice in one schema" },
        { "strictness contradiction", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-unknownMembers\": \"reject\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}", 1, 1, "needs \"additionalProperties\": false" },
        { "unsupported dialect", "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"x-stagehand-visibility\": \"public\"\n}", 2, 14, "The dialect 'http://json-schema.org/draft-04/schema#' is not supported" },
        { "invalid pattern", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"pattern\": \"(unclosed\"\n}", 5, 14, "not a valid regular expression" },
        { "items as array", "{\n  " + Header + ",\n  \"type\": \"array\",\n  \"items\": [{}]\n}", 5, 3, "'prefixItems'" },
        { "invalid type name", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-typeName\": \"not valid\"\n}", 5, 27, "not a valid C# identifier" },
        { "root only keyword nested", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"x-stagehand-persisted\": true } }\n}", 5, 26, "belongs on the schema root only" },
        { "schema not an object", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": 42 }\n}", 5, 24, "must be an object or a boolean" },
        { "discriminator without const", "{\n  " + Header + ",\n  \"oneOf\": [\n    { \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"a\" } }, \"required\": [\"kind\"] },\n    { \"type\": \"object\", \"x-stagehand-caseName\": \"Other\", \"properties\": { \"x\": { \"type\": \"string\" } } }\n  ],\n  \"x-stagehand-discriminator\": \"kind\"\n}", 6, 5, "no required string const member 'kind'" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void BrokenSchemaGetsPreciseDiagnostic(string name, string text, int line, int column, string message)
    {
        Assert.DoesNotContain(AnalyzerRunner.RunInline(("Broken.schema.json", text)), d => d.Id == "STH0004");
        var diagnostics = AnalyzerRunner.BuildInline(("Broken.schema.json", text));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "STH0004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/inline/Broken.schema.json", span.Path);
        Assert.True(
            (line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{name}: expected ({line},{column}), got ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MessageNamesTheKeyword()
    {
        var diagnostics = AnalyzerRunner.BuildInline(("Broken.schema.json", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minProperties\": -1\n}"));

        Assert.StartsWith("Invalid schema at 'minProperties': ", Assert.Single(diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CrossFileReferenceNotFoundSaysWhichPathWasLookedFor()
    {
        var good = ("Good.schema.json", SchemaTexts.PublicObject("\"status\": { \"$ref\": \"sub/Status.schema.json\" }"));
        var other = ("Other.schema.json", SchemaTexts.PublicObject());

        var diagnostic = Assert.Single(AnalyzerRunner.BuildInline(good, other));

        Assert.Equal("/inline/Good.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("looked for the schema file '/inline/sub/Status.schema.json'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfAFileIsReportedAndOtherFilesAreNot()
    {
        var broken = ("Broken.schema.json", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minProperties\": -1,\n  \"minlength\": 1\n}");
        var good = ("Good.schema.json", SchemaTexts.PublicObject());

        var diagnostics = AnalyzerRunner.BuildInline(broken, good);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("/inline/Broken.schema.json", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public Task BrokenSchemaIsMirroredOntoThePartialTypeThatExtendsIt() =>
        Verify<InvalidSchemaAnalyzer>.AnalyzerAsync(
            """
            namespace Consumer.Contracts;

            public sealed partial record {|STH0004:Widget|}
            {
                public string Describe() => "widget";
            }

            public sealed partial record Gadget;
            """,
            [
                ("/0/schemas/Widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternPropertie\": {}\n}"),
                ("/0/schemas/Gadget.schema.json", SchemaTexts.PublicObject()),
            ],
            []);

    [Fact]
    public Task BrokenSchemaIsMirroredOntoContractTypesAndMirrorsThatNameIt() =>
        Verify<InvalidSchemaAnalyzer>.AnalyzerAsync(
            """
            using Stagehand.Contracts;

            namespace Consumer.Elsewhere;

            [ContractType("Widget", ContractVisibility.Public, SchemaPath = "Widget.schema.json")]
            public sealed record {|STH0004:WidgetContract|};

            [MirrorsContract(typeof(WidgetContract))]
            public sealed record {|STH0004:WidgetView|};

            [MirrorsContract(typeof(Stagehand.Contracts.V3.ActOptions))]
            public sealed record ActOptionsView;
            """,
            [
                ("/0/schemas/Widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternPropertie\": {}\n}"),
                ("/0/schemas/Gadget.schema.json", SchemaTexts.PublicObject()),
            ],
            []);

    [Fact]
    public void CSharpMirrorMessagePointsAtTheSchemaProblem()
    {
        var diagnostics = AnalyzerRunner.Run(
            [new TestAdditionalText("/inline/Widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternPropertie\": {},\n  \"minProperties\": -1\n}")],
            "namespace Consumer.Contracts { public partial record Widget; }",
            [new InvalidSchemaAnalyzer()]);

        var mirrored = Assert.Single(diagnostics, d => d.Location.IsInSource);
        Assert.Equal(
            "Invalid schema at 'Widget.schema.json(5,3)': Unknown keyword 'patternPropertie': did you mean 'patternProperties'? An unknown keyword is only an annotation, so this one would not validate anything. (Extension keywords start with 'x-'.) (1 more problem in the file) Nothing is generated from this schema until it is fixed.",
            mirrored.GetMessage());
    }

    [Fact]
    public void SeverityCanBeLoweredLikeAnyDiagnostic()
    {
        var broken = new TestAdditionalText("/inline/Widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"minProperties\": -1\n}");
        const string source = "namespace Consumer.Contracts { public partial record Widget; }";

        var diagnostics = AnalyzerRunner.Run([broken], source, [new InvalidSchemaAnalyzer()], new Dictionary<string, ReportDiagnostic> { ["STH0004"] = ReportDiagnostic.Warn });
        var suppressed = AnalyzerRunner.Run([broken], source, [new InvalidSchemaAnalyzer()], new Dictionary<string, ReportDiagnostic> { ["STH0004"] = ReportDiagnostic.Suppress });

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
        Assert.Empty(suppressed);
    }
}
