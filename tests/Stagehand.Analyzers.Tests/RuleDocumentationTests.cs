using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>Every rule has a doc page with a bad and a good example, a help link to it, a release entry, and a README row.</summary>
public sealed class RuleDocumentationTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    private static DiagnosticDescriptor[] Descriptors() =>
        AnalyzerRunner.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToArray();

    [Fact]
    public void TheRulesExistInOrder() =>
        Assert.Equal(["STH0001", "STH0002", "STH0003", "STH0004", "STH0005", "STH0006", "STH0007", "STH0008", "STH0009", "STH0010", "STH0011", "STH0012", "STH0013", "STH0014", "STH0015"], Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    [Fact]
    public void RuleIdentifiersListsEveryId() =>
        Assert.Equal(
            Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal),
            typeof(RuleIdentifiers).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(id => id, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleHasADocPageWithABadAndAGoodExample(string id)
    {
        var path = Path.Combine(RepositoryPaths.Docs, "rules", id + ".md");
        Assert.True(File.Exists(path), "missing " + path);
        var text = File.ReadAllText(path);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        Assert.Contains("## Bad", text, StringComparison.Ordinal);
        Assert.Contains("## Good", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DescriptorLinksToItsDocPageAndIsConfigurable(string id)
    {
        foreach (var descriptor in Descriptors().Where(d => d.Id == id))
        {
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleHasAnUnshippedReleaseEntryAndAReadmeRow(string id)
    {
        var descriptor = Descriptors().First(d => d.Id == id);
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryPaths.AnalyzersSource, "AnalyzerReleases.Unshipped.md"));
        var entry = Assert.Single(unshipped, line => line.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = entry.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);

        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.Contains("| " + id + " |", readme, StringComparison.Ordinal);
        Assert.Contains("(docs/rules/" + id + ".md)", readme, StringComparison.Ordinal);
    }
}
