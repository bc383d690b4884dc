using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Tests.Infrastructure;

/// <summary>Contract baselines for tests: the facts of an earlier version of some schemas, written as Contracts.Shipped.txt.</summary>
internal static class Baselines
{
    /// <summary>The facts of schema files given as (path below the baseline's folder, text).</summary>
    public static IReadOnlyList<ContractFact> Facts(params (string Path, string Text)[] schemas)
    {
        var settings = SchemaFileSettings.Resolve(null, null, "Consumer");
        var documents = schemas.Select(s => SchemaReader.ReadFile("/released/" + s.Path, settings, SourceText.From(s.Text))).ToList();
        return ContractFacts.Extract(documents, "/released");
    }

    /// <summary>The baseline text of schema files given as (path below the baseline's folder, text), released as <paramref name="version"/>.</summary>
    public static string Of(string? version, params (string Path, string Text)[] schemas) =>
        ContractBaseline.Write(version is null ? null : Parse(version), Facts(schemas), []);

    private static ContractVersion Parse(string version)
    {
        Assert.True(ContractVersion.TryParse(version, out var parsed), version);
        return parsed;
    }
}
