using System.Linq;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>The project's own schemas are clean under every rule.</summary>
public sealed class ProjectSchemaTests
{
    [Fact]
    public void ProjectSchemasProduceNoDiagnosticFromAnyRule()
    {
        var schemas = AnalyzerRunner.ProjectSchemas();
        Assert.True(schemas.Length > 50, "the project's schemas were not found");

        var diagnostics = AnalyzerRunner.Run(schemas, string.Empty, AnalyzerRunner.AllAnalyzers());

        Assert.True(diagnostics.IsEmpty, AnalyzerRunner.Describe(diagnostics));
    }

    [Fact]
    public void ProjectSchemasStillTripTheRulesWhenBroken()
    {
        // A guard against a vacuous pass: the same run sees a seeded secret and a seeded hidden member, and the
        // strict InternalLLMConfig, which mirrors LLMConfig, now lacks both new members.
        var schemas = AnalyzerRunner.ProjectSchemas()
            .Select(s => s.Path.EndsWith("/v4/LLMConfig.schema.json", System.StringComparison.Ordinal)
                ? new TestAdditionalText(s.Path, s.GetText()!.ToString().Replace("\"modelName\": {", "\"apiKey\": { \"type\": \"string\" },\n    \"__hidden\": { \"type\": \"string\" },\n    \"modelName\": {"))
                : s);

        var ids = AnalyzerRunner.Run(schemas, string.Empty, AnalyzerRunner.AllAnalyzers()).Select(d => d.Id).OrderBy(id => id).ToArray();

        Assert.Equal(["STH0002", "STH0002", "STH0005", "STH0006"], ids);
    }
}
