using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
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

    [Fact]
    public void ProjectSchemasAgreeWithTheReleasedContracts()
    {
        // Stagehand.Contracts builds with schemas/Contracts.Shipped.txt and the package version as the contract version.
        var baseline = Path.Combine(RepositoryPaths.Schemas, "Contracts.Shipped.txt");
        Assert.True(File.Exists(baseline), "the project's contract baseline was not found");
        var files = AnalyzerRunner.ProjectSchemas().Cast<AdditionalText>().Append(new TestAdditionalText(baseline.Replace('\\', '/'), File.ReadAllText(baseline)));
        var version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

        var diagnostics = AnalyzerRunner.Run(files, string.Empty, AnalyzerRunner.AllAnalyzers(), globalOptions: new Dictionary<string, string> { ["build_property.StagehandContractVersion"] = version });

        Assert.True(diagnostics.IsEmpty, AnalyzerRunner.Describe(diagnostics));
    }

    [Fact]
    public void ABreakingChangeToAProjectSchemaIsReported()
    {
        // A guard against a vacuous pass: ActResult is a response, and its actionId may not change type.
        var baseline = Path.Combine(RepositoryPaths.Schemas, "Contracts.Shipped.txt");
        var files = AnalyzerRunner.ProjectSchemas()
            .Select(s => s.Path.EndsWith("/v3/ActResult.schema.json", System.StringComparison.Ordinal)
                ? new TestAdditionalText(s.Path, s.GetText()!.ToString().Replace("\"type\": \"string\"", "\"type\": \"integer\""))
                : s)
            .Cast<AdditionalText>()
            .Append(new TestAdditionalText(baseline.Replace('\\', '/'), File.ReadAllText(baseline)));

        var diagnostic = Assert.Single(AnalyzerRunner.Run(files, string.Empty, AnalyzerRunner.AllAnalyzers()));

        Assert.Equal(("STH0008", "v3/ActResult.schema.json", ".actionId", "type-changed"), (diagnostic.Id, diagnostic.Properties["Contract"], diagnostic.Properties["Path"], diagnostic.Properties["Kind"]));
    }
}
