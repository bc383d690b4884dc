using System.Threading.Tasks;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0002, starting with seed 000: InternalLLMConfig without <c>source</c>.</summary>
public sealed class MirrorDriftTests
{
    // The seed's InternalLLMConfigSchema: the public LLM config's fields plus projectId, strict, and no `source`.
    private const string SeedInternalLlmConfig = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "description": "Server-side record of an LLM configuration.",
          "x-stagehand-visibility": "internal",
          "x-stagehand-mirrors": {|STH0002:"../v4/LLMConfig.schema.json"|},
          "x-stagehand-formatAssertion": true,
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "projectId": { "type": "string", "format": "uuid" },
            "displayName": { "type": ["string", "null"] },
            "modelName": { "type": "string" },
            "baseUrl": { "type": ["string", "null"], "format": "uri" },
            "systemPrompt": { "type": ["string", "null"] },
            "providerOptions": { "anyOf": [{ "$ref": "../v4/LLMProviderOptions.schema.json" }, { "type": "null" }] },
            "createdAt": { "type": "string", "format": "date-time" },
            "updatedAt": { "type": "string", "format": "date-time" }
          },
          "required": ["id", "projectId", "displayName", "modelName", "baseUrl", "systemPrompt", "providerOptions", "createdAt", "updatedAt"],
          "additionalProperties": false,
          "x-stagehand-unknownMembers": "reject"
        }
        """;

    private static (string, string)[] PublicLlmSchemas() =>
    [
        ("v4/LLMConfig.schema.json", RepositoryPaths.ReadSchema("v4/LLMConfig.schema.json")),
        ("v4/LLMSource.schema.json", RepositoryPaths.ReadSchema("v4/LLMSource.schema.json")),
        ("v4/LLMProviderOptions.schema.json", RepositoryPaths.ReadSchema("v4/LLMProviderOptions.schema.json")),
    ];

    [Fact]
    public Task SeedInternalLlmConfigWithoutSourceIsReported() =>
        Verify<MirrorDriftAnalyzer>.SchemasAsync([("internal/InternalLLMConfig.schema.json", SeedInternalLlmConfig), .. PublicLlmSchemas()]);

    [Fact]
    public void SeedMessageNamesTheMissingMemberAndTheStrictness()
    {
        var diagnostics = AnalyzerRunner.RunInline(
        [
            ("internal/InternalLLMConfig.schema.json", SeedInternalLlmConfig.Replace("{|STH0002:", string.Empty).Replace("|}", string.Empty)),
            .. PublicLlmSchemas(),
        ]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("STH0002", diagnostic.Id);
        Assert.Equal("'InternalLLMConfig' mirrors 'LLMConfig' but lacks the member 'source' that 'LLMConfig' requires, and its strictness (unknown members rejected) refuses it", diagnostic.GetMessage());
        Assert.Equal((4, 25), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public Task FixedInternalLlmConfigIsSilent() =>
        Verify<MirrorDriftAnalyzer>.SchemasAsync([("internal/InternalLLMConfig.schema.json", RepositoryPaths.ReadSchema("internal/InternalLLMConfig.schema.json")), .. PublicLlmSchemas()]);

    private const string Original = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "x-stagehand-formatAssertion": true,
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "count": { "type": "integer", "minimum": 0, "maximum": 100 },
            "note": { "type": ["string", "null"] },
            "tags": { "type": "array", "items": { "type": "string" } },
            "hint": { "type": "string" },
            "cache": { "type": "boolean", "x-stagehand-clientOnly": true }
          },
          "required": ["id", "count", "note", "tags"]
        }
        """;

    [Fact]
    public Task TypeNullabilityPresenceAndStrictnessAreChecked() =>
        Verify<MirrorDriftAnalyzer>.SchemasAsync(
            ("Original.schema.json", Original),
            ("Mirror.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "internal",
                  "x-stagehand-mirrors": {|STH0002:"Original.schema.json"|},
                  "type": "object",
                  "properties": {
                    {|STH0002:"id"|}: { "type": "string" },
                    "count": { "type": "integer" },
                    {|STH0002:"note"|}: { "type": "string" },
                    {|STH0002:"tags"|}: { "type": "array", "items": { "type": "string" } }
                  },
                  "required": ["id", "count", "note"],
                  "additionalProperties": false
                }
                """));

    [Fact]
    public Task WiderMirrorThatDropsUnknownMembersIsSilent() =>
        Verify<MirrorDriftAnalyzer>.SchemasAsync(
            ("Original.schema.json", Original),
            ("Mirror.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "internal",
                  "x-stagehand-formatAssertion": true,
                  "x-stagehand-mirrors": "Original.schema.json",
                  "type": "object",
                  "properties": {
                    "id": { "type": "string", "format": "uuid" },
                    "count": { "type": "integer" },
                    "note": { "type": ["string", "null"] },
                    "tags": { "type": "array", "items": { "type": ["string", "null"] } },
                    "ownerId": { "type": "string" }
                  },
                  "required": ["id", "count", "note", "tags", "ownerId"]
                }
                """));

    [Fact]
    public Task MirrorTargetNotFoundIsReported() =>
        Verify<MirrorDriftAnalyzer>.SchemasAsync(
            ("Mirror.schema.json", "{\n  " + SchemaTexts.InternalHeader + ",\n  \"x-stagehand-mirrors\": {|STH0002:\"Gone.schema.json\"|},\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}"));
}
