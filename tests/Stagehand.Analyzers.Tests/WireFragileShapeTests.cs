using System.Threading.Tasks;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0005, from seed 001: ObserveResult as <c>Action[] &amp; { cacheStatus }</c>, and <c>__extractionIncomplete</c>.</summary>
public sealed class WireFragileShapeTests
{
    private const string CacheStatus = "{ \"type\": \"string\", \"enum\": [\"HIT\", \"MISS\"] }";

    private const string Action = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": { "selector": { "type": "string" }, "description": { "type": "string" } },
          "required": ["selector", "description"]
        }
        """;

    [Fact]
    public Task SeedObserveResultAsAnArrayWithCacheStatusIsReported() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("Action.schema.json", Action),
            ("ObserveResult.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "description": "Action[] & { cacheStatus?: \"HIT\" | \"MISS\" }",
                  "type": "array",
                  "items": { "$ref": "Action.schema.json" },
                  "properties": {
                    {|STH0005:"cacheStatus"|}: 
                """ + CacheStatus + """

                  }
                }
                """));

    [Fact]
    public Task ArrayIntersectionWrittenWithAllOfIsReported() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("Action.schema.json", Action),
            ("ObserveResult.schema.json", """
                {|STH0005:{|}
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "allOf": [
                    { "type": "array", "items": { "$ref": "Action.schema.json" } },
                    { "type": "object", "properties": { "cacheStatus": { "type": "string" } } }
                  ]
                }
                """));

    [Fact]
    public Task FixedObserveResultAsAnObjectIsSilent() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("Action.schema.json", Action),
            ("ObserveResult.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "type": "object",
                  "properties": {
                    "actions": { "type": "array", "items": { "$ref": "Action.schema.json" } },
                    "cacheStatus": 
                """ + CacheStatus + """

                  },
                  "required": ["actions"]
                }
                """));

    [Fact]
    public Task SeedHiddenExtractionIncompleteMemberIsReported() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("ExtractResult.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "type": "object",
                  "properties": {
                    "data": true,
                    "cacheStatus": { "type": "string", "enum": ["HIT", "MISS"] },
                    {|STH0005:"__extractionIncomplete"|}: { "type": "boolean" }
                  },
                  "required": ["data"]
                }
                """));

    [Fact]
    public Task HiddenMemberIsReportedInNestedSchemasAndInternalOnesToo() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("Row.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "internal",
                  "type": "object",
                  "properties": {
                    "meta": { "type": "object", "properties": { {|STH0005:"__hook"|}: { "type": "string" } } }
                  },
                  "$defs": { "Other": { "type": "object", "properties": { {|STH0005:"__x"|}: { "type": "string" } } } }
                }
                """));

    [Fact]
    public Task FixedExtractResultWithANamedCompletionMemberIsSilent() =>
        Verify<WireFragileShapeAnalyzer>.SchemasAsync(
            ("ExtractResult.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "type": "object",
                  "properties": {
                    "data": true,
                    "cacheStatus": { "type": "string", "enum": ["HIT", "MISS"] },
                    "complete": { "type": "boolean", "description": "False when the extraction stopped early; such a result is never cached." },
                    "snake_case_name": { "type": "string" },
                    "_single": { "type": "string" }
                  },
                  "required": ["data", "complete"]
                }
                """));
}
