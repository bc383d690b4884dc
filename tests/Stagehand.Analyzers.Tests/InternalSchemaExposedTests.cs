using System.Threading.Tasks;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0001 in schemas: a public schema must not reach an internal one through <c>$ref</c>.</summary>
public sealed class InternalSchemaExposedTests
{
    [Fact]
    public Task PublicSchemaReferringToAnInternalOneIsReported() =>
        Verify<InternalContractExposedAnalyzer>.SchemasAsync(
            ("v4/BrowserSession.schema.json", SchemaTexts.PublicObject("\"llmSessions\": { \"type\": \"array\", \"items\": { \"$ref\": {|STH0001:\"../internal/LLMSession.schema.json\"|} } }")),
            ("internal/LLMSession.schema.json", SchemaTexts.InternalObject()));

    [Fact]
    public Task PublicSchemaReachingAnInternalOneTransitivelyIsReportedAtEachPublicStep() =>
        Verify<InternalContractExposedAnalyzer>.SchemasAsync(
            ("v4/BrowserSessionResponse.schema.json", SchemaTexts.PublicObject("\"data\": { \"$ref\": {|STH0001:\"BrowserSession.schema.json\"|} }")),
            ("v4/BrowserSession.schema.json", SchemaTexts.PublicObject("\"latest\": { \"anyOf\": [{ \"$ref\": {|STH0001:\"../internal/LLMSession.schema.json\"|} }, { \"type\": \"null\" }] }")),
            ("internal/LLMSession.schema.json", SchemaTexts.InternalObject("\"calls\": { \"type\": \"array\", \"items\": { \"$ref\": \"LLMCall.schema.json\" } }")),
            ("internal/LLMCall.schema.json", SchemaTexts.InternalObject()));

    [Fact]
    public Task AReferenceByIdOrAnchorIsFollowedAsTheGeneratorFollowsIt() =>
        Verify<InternalContractExposedAnalyzer>.SchemasAsync(
            ("v4/Envelope.schema.json", SchemaTexts.PublicObject("\"session\": { \"$ref\": {|STH0001:\"https://example.com/schemas/session\"|} }, \"call\": { \"$ref\": {|STH0001:\"https://example.com/schemas/session#call\"|} }")),
            ("internal/Session.schema.json", "{\n  " + SchemaTexts.InternalHeader + ",\n  \"$id\": \"https://example.com/schemas/session\",\n  \"type\": \"object\",\n  \"properties\": { \"call\": { \"$anchor\": \"call\", \"type\": \"string\" } }\n}"));

    [Fact]
    public void TransitiveMessageNamesTheChain()
    {
        var diagnostics = AnalyzerRunner.Run(
            [
                new TestAdditionalText("/inline/A.schema.json", SchemaTexts.PublicObject("\"b\": { \"$ref\": \"B.schema.json\" }")),
                new TestAdditionalText("/inline/B.schema.json", SchemaTexts.PublicObject("\"c\": { \"$ref\": \"C.schema.json#\" }")),
                new TestAdditionalText("/inline/C.schema.json", SchemaTexts.InternalObject()),
            ],
            string.Empty,
            [new InternalContractExposedAnalyzer()]);

        Assert.Equal(2, diagnostics.Length);
        Assert.Equal("The public schema 'A.schema.json' exposes the internal contract 'C' (C.schema.json) through this $ref, via 'B.schema.json'", diagnostics[0].GetMessage());
        Assert.Equal("The public schema 'B.schema.json' exposes the internal contract 'C' (C.schema.json) through this $ref", diagnostics[1].GetMessage());
    }

    [Fact]
    public Task InternalSchemasMayReferToEachOtherAndToPublicOnes() =>
        Verify<InternalContractExposedAnalyzer>.SchemasAsync(
            ("v4/LLMSource.schema.json", "{\n  " + SchemaTexts.Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"user\", \"system-default\"]\n}"),
            ("internal/LLMSession.schema.json", SchemaTexts.InternalObject("\"calls\": { \"type\": \"array\", \"items\": { \"$ref\": \"LLMCall.schema.json\" } }, \"source\": { \"$ref\": \"../v4/LLMSource.schema.json\" }")),
            ("internal/LLMCall.schema.json", SchemaTexts.InternalObject()));
}
