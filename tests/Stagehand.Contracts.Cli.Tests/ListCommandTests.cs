using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli.Tests;

public sealed class ListCommandTests
{
    private static readonly int ContractCount = typeof(ContractTypeAttribute).Assembly.GetTypes()
        .Count(t => t.IsDefined(typeof(ContractTypeAttribute), inherit: false));

    private static string[] Row(CliResult result, string name) =>
        result.StdoutLines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void ListPrintsHeaderRowsAndCount()
    {
        var result = CliRunner.Run("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        var lines = result.StdoutLines;
        Assert.Equal(["name", "family", "kind", "visibility", "strictness", "members"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{ContractCount} contracts", lines[^1]);
        Assert.Equal(ContractCount, lines.Length - 2);
        Assert.True(ContractCount > 100, $"only {ContractCount} contracts found");
    }

    [Fact]
    public void ListShowsFamilyVisibilityAndStrictness()
    {
        var result = CliRunner.Run("list");

        Assert.Equal(["LLMConfig", "v4", "record", "public", "reject"], Row(result, "LLMConfig")[..5]);
        Assert.Equal(["ActRequest", "v3", "record", "public", "drop"], Row(result, "ActRequest")[..5]);
        Assert.Equal(["LLMSession", "internal", "record", "internal", "reject"], Row(result, "LLMSession")[..5]);
        Assert.Equal(["LLMSessionStatus", "internal", "enum", "internal", "-"], Row(result, "LLMSessionStatus")[..5]);
        Assert.Equal(["ActInput", "v3", "union", "public", "-"], Row(result, "ActInput")[..5]);
    }

    [Fact]
    public void ListCountsMembersValuesAndCases()
    {
        var result = CliRunner.Run("list");

        var llmConfigMembers = typeof(V4.LLMConfig).GetProperties().Count(p => p.IsDefined(typeof(ContractMemberAttribute)));
        Assert.True(llmConfigMembers > 0);
        Assert.Equal(llmConfigMembers.ToString(), Row(result, "LLMConfig")[5]);

        var statusValues = Enum.GetNames<Internal.LLMSessionStatus>().Length;
        Assert.Equal(statusValues.ToString(), Row(result, "LLMSessionStatus")[5]);

        // A union has one TryGet<Case> per case, as it has one From<Case>.
        var cases = typeof(V3.ActInput).GetMethods(BindingFlags.Public | BindingFlags.Instance).Count(m => m.Name.StartsWith("TryGet", StringComparison.Ordinal));
        Assert.Equal(2, cases);
        Assert.Equal(cases.ToString(), Row(result, "ActInput")[5]);
    }

    [Fact]
    public void ListColumnsAreAlignedAndSortedByFamilyThenName()
    {
        var lines = CliRunner.Run("list").StdoutLines;
        var header = lines[0];
        var rows = lines[1..^1];
        var familyColumn = header.IndexOf("family", StringComparison.Ordinal);
        var kindColumn = header.IndexOf("kind", StringComparison.Ordinal);
        foreach (var row in rows)
        {
            Assert.Equal(header.Length, row.Length);
            Assert.NotEqual(' ', row[familyColumn]);
            Assert.Equal(' ', row[familyColumn - 1]);
            Assert.NotEqual(' ', row[kindColumn]);
            Assert.Equal(' ', row[kindColumn - 1]);
        }

        var keys = rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(c => (Family: c[1], Name: c[0])).ToList();
        var sorted = keys.OrderBy(k => k.Family, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(["internal", "v3", "v4"], keys.Select(k => k.Family).Distinct());
    }

    [Fact]
    public void ListJsonHasTheSameContracts()
    {
        var result = CliRunner.Run("list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(ContractCount, items.Count);

        var llmConfig = items.Single(i => i.GetProperty("name").GetString() == "LLMConfig");
        Assert.Equal("v4", llmConfig.GetProperty("family").GetString());
        Assert.Equal("record", llmConfig.GetProperty("kind").GetString());
        Assert.Equal("public", llmConfig.GetProperty("visibility").GetString());
        Assert.Equal("reject", llmConfig.GetProperty("strictness").GetString());
        Assert.True(llmConfig.GetProperty("members").GetInt32() > 0);

        var session = items.Single(i => i.GetProperty("name").GetString() == "LLMSession");
        Assert.Equal("internal", session.GetProperty("family").GetString());
        Assert.Equal("internal", session.GetProperty("visibility").GetString());

        var table = CliRunner.Run("list").StdoutLines[1..^1].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.Equal(table, items.Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public void DiscoverFindsEveryContractType()
    {
        var contracts = ListCommand.Discover(typeof(ContractTypeAttribute).Assembly);

        Assert.Equal(ContractCount, contracts.Count);
        Assert.All(contracts, c => Assert.Contains(c.Kind, new[] { "record", "enum", "union" }));
        Assert.All(contracts.Where(c => c.Kind != "record"), c => Assert.Equal("-", c.Strictness));
        Assert.All(contracts.Where(c => c.Kind == "record"), c => Assert.Contains(c.Strictness, new[] { "reject", "drop", "keep" }));
    }
}
