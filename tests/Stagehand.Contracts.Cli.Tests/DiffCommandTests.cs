using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Stagehand.Contracts.Cli.Evolution;
using Stagehand.Schema.Evolution;
using static Stagehand.Contracts.Cli.Tests.ContractSchemas;

namespace Stagehand.Contracts.Cli.Tests;

public sealed class DiffCommandTests
{
    /// <summary>A folder with <c>base/</c> and <c>head/</c>, each holding FooResponse and FooRequest as given.</summary>
    private sealed class TwoVersions : IDisposable
    {
        private readonly TempSchemaFolder _folder = new();

        public TwoVersions(string response, string request, string newResponse, string newRequest)
        {
            BaseResponse = _folder.Write("base/FooResponse.schema.json", response);
            _folder.Write("base/FooRequest.schema.json", request);
            _folder.Write("head/FooResponse.schema.json", newResponse);
            HeadRequest = _folder.Write("head/FooRequest.schema.json", newRequest);
        }

        public string Root => _folder.Root;

        public string Base => Path.Combine(_folder.Root, "base");

        public string Head => Path.Combine(_folder.Root, "head");

        public string BaseResponse { get; }

        public string HeadRequest { get; }

        public string Write(string relativePath, string text) => _folder.Write(relativePath, text);

        public void Dispose() => _folder.Dispose();
    }

    private static TwoVersions EveryKindOfChange() => new(FooResponse, FooRequest, FooResponseWithoutName, FooRequestChanged);

    [Fact]
    public void RemovedRequiredResponseMemberIsABreakingError()
    {
        using var versions = new TwoVersions(FooResponse, FooRequest, FooResponseWithoutName, FooRequest);

        var result = CliRunner.Run("diff", versions.Base, versions.Head);

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(1, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{Display(versions.BaseResponse)}(7,5): error STH0008: FooResponse.name: the required member was removed: ", lines[0], StringComparison.Ordinal);
        // The example: a value a server may now send that older clients refuse.
        Assert.EndsWith("(major). Example: {\"id\":\"a\"}", lines[0], StringComparison.Ordinal);
        Assert.Equal("1 change: 1 breaking, 0 unproven, 0 minor, 0 patch; requires a major bump", lines[1]);
    }

    [Fact]
    public void NewOptionalRequestMemberIsACompatibleInfo()
    {
        using var versions = new TwoVersions(FooResponse, FooRequest, FooResponse, FooRequestWithNote);

        var result = CliRunner.Run("diff", versions.Base, versions.Head);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{Display(versions.HeadRequest)}(8,5): info STH0009: FooRequest.note: a new optional member: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("1 change: 0 breaking, 0 unproven, 1 minor, 0 patch; requires a minor bump", lines[1]);
    }

    [Fact]
    public void UnprovenChangeIsAWarningAndCountsAsBreaking()
    {
        using var versions = new TwoVersions(FooResponse, FooRequest, FooResponse, FooRequest.Replace("^[a-z]+$", "^[a-z0-9]+$", StringComparison.Ordinal));

        var result = CliRunner.Run("diff", versions.Base, versions.Head);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{Display(versions.HeadRequest)}(7,", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("): warning STH0011: FooRequest.code: pattern changed from ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal("1 change: 0 breaking, 1 unproven, 0 minor, 0 patch; requires a major bump", result.StdoutLines[^1]);
    }

    [Fact]
    public void EveryChangeIsOneLineThenTheSummary()
    {
        using var versions = EveryKindOfChange();

        var result = CliRunner.Run("diff", versions.Base, versions.Head);

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(5, lines.Length);
        Assert.Single(lines, l => l.Contains(": error STH0008: FooResponse.name: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(": warning STH0011: FooRequest.code: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(": info STH0009: FooRequest.note: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains(": info STH0009: FooRequest: the description changed", StringComparison.Ordinal));
        Assert.Equal("4 changes: 1 breaking, 1 unproven, 1 minor, 1 patch; requires a major bump", lines[^1]);
    }

    [Fact]
    public void MarkdownIsAChangelogBySection()
    {
        using var versions = EveryKindOfChange();

        var result = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "markdown");

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("## Contract changes: major", lines[0]);
        var sections = lines.Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["### Breaking", "### Unproven", "### Compatible (minor)", "### Patch"], sections);
        Assert.Equal(4, lines.Count(l => l == "| contract | place | direction | what changed |"));
        int Row(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        var breaking = Row("| FooResponse | `.name` | response | The required member was removed: ");
        var unproven = Row("| FooRequest | `.code` | request | Pattern changed from ");
        var minor = Row("| FooRequest | `.note` | request | A new optional member: ");
        var patch = Row("| FooRequest | (root) | request | The description changed: ");
        Assert.True(Array.IndexOf(lines, "### Breaking") < breaking && breaking < Array.IndexOf(lines, "### Unproven"));
        Assert.True(Array.IndexOf(lines, "### Unproven") < unproven && unproven < Array.IndexOf(lines, "### Compatible (minor)"));
        Assert.True(Array.IndexOf(lines, "### Compatible (minor)") < minor && minor < Array.IndexOf(lines, "### Patch"));
        Assert.True(Array.IndexOf(lines, "### Patch") < patch);
        Assert.Equal("4 changes: 1 breaking, 1 unproven, 1 minor, 1 patch; requires a major bump", lines[^1]);
    }

    [Fact]
    public void MarkdownSaysNoneInAnEmptySection()
    {
        using var versions = new TwoVersions(FooResponse, FooRequest, FooResponse, FooRequestWithNote);

        var result = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("## Contract changes: minor", result.StdoutLines[0]);
        Assert.Equal(3, result.StdoutLines.Count(l => l == "None."));
    }

    [Fact]
    public void SarifHasOneResultPerChange()
    {
        using var versions = EveryKindOfChange();
        var changes = CliRunner.Run("diff", versions.Base, versions.Head).StdoutLines[..^1];

        var result = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("4 changes: 1 breaking, 1 unproven, 1 minor, 1 patch; requires a major bump", result.Stderr.TrimEnd());
        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["STH0008", "STH0009", "STH0011"], rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(changes.Length, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var item = results[i];
            var ruleId = item.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[item.GetProperty("ruleIndex").GetInt32()]);
            var region = item.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            var level = item.GetProperty("level").GetString() switch { "error" => "error", "warning" => "warning", _ => "info" };
            Assert.Equal(
                $"({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): {level} {ruleId}: {item.GetProperty("message").GetProperty("text").GetString()}",
                changes[i].Substring(changes[i].IndexOf('(', StringComparison.Ordinal)));
            Assert.StartsWith("Foo", item.GetProperty("properties").GetProperty("contract").GetString(), StringComparison.Ordinal);
        }

        var removed = results.Single(r => r.GetProperty("ruleId").GetString() == "STH0008").GetProperty("properties");
        Assert.Equal("FooResponse", removed.GetProperty("contractName").GetString());
        Assert.Equal(".name", removed.GetProperty("place").GetString());
        Assert.Equal("response", removed.GetProperty("direction").GetString());
        Assert.Equal("major", removed.GetProperty("bump").GetString());
        Assert.True(removed.GetProperty("before").GetBoolean());
    }

    [Fact]
    public void OutWritesTheReportAndPrintsTheSummary()
    {
        using var versions = EveryKindOfChange();
        var report = Path.Combine(versions.Root, "reports", "changes.md");
        var printed = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "markdown");

        var result = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "markdown", "--out", report);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["4 changes: 1 breaking, 1 unproven, 1 minor, 1 patch; requires a major bump"], result.StdoutLines);
        Assert.Equal(printed.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), File.ReadAllText(report));
    }

    [Fact]
    public void BaselineAsBaseGivesTheNextVersionAndAppliesItsIgnoreLines()
    {
        using var versions = EveryKindOfChange();
        var baseline = Path.Combine(versions.Base, "Contracts.Shipped.txt");
        Assert.Equal(0, CliRunner.Run("baseline", versions.Base, "--version", "1.4.0").ExitCode);

        var result = CliRunner.Run("diff", baseline, versions.Head);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("4 changes: 1 breaking, 1 unproven, 1 minor, 1 patch; requires a major bump; next version 2.0.0 (after 1.4.0)", result.StdoutLines[^1]);
        // A baseline has no schema text: the removed member is shown at its contract's file, without a line.
        Assert.StartsWith($"{Display(versions.BaseResponse)}: error STH0008: FooResponse.name: ", result.StdoutLines.Single(l => l.Contains("STH0008", StringComparison.Ordinal)), StringComparison.Ordinal);

        File.AppendAllText(baseline, "ignore\tFooResponse.schema.json\t.name\tmember\tNo client reads it.\nignore\tFooRequest.schema.json\t.code\tpattern\tOnly widened.\n");
        var accepted = CliRunner.Run("diff", baseline, versions.Head);

        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal("2 changes: 0 breaking, 0 unproven, 1 minor, 1 patch; requires a minor bump; next version 1.5.0 (after 1.4.0); 2 more accepted by the baseline's ignore lines", accepted.StdoutLines[^1]);
    }

    [Fact]
    public void SingleSchemaFilesCompareTheirOwnContracts()
    {
        using var versions = EveryKindOfChange();

        var result = CliRunner.Run("diff", versions.BaseResponse, Path.Combine(versions.Head, "FooResponse.schema.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1 change: 1 breaking, 0 unproven, 0 minor, 0 patch; requires a major bump", result.StdoutLines[^1]);
    }

    [Fact]
    public void UnreadableBaselineLineIsAUsageErrorAtItsLine()
    {
        using var versions = EveryKindOfChange();
        var baseline = versions.Write("Contracts.Shipped.txt", "# released\nversion\t1.0.0\nFooResponse.schema.json\tonly two parts\n");

        var result = CliRunner.Run("diff", baseline, versions.Head);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Display(baseline)}(3): error: A fact line needs four tab-separated parts: contract, place, aspect and value.", errors[0].TrimEnd());
        Assert.StartsWith("error: the baseline ", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineAsHeadIsAUsageError()
    {
        using var versions = EveryKindOfChange();
        var baseline = Path.Combine(versions.Base, "Contracts.Shipped.txt");
        CliRunner.Run("baseline", versions.Base);

        var result = CliRunner.Run("diff", versions.Head, baseline);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a baseline can only be BASE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GitRefThatDoesNotExistIsAUsageError()
    {
        var schemas = Path.Combine(CliRunner.RepositoryRoot(), "schemas");

        var result = CliRunner.Run("diff", "git:nope", schemas);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("error: 'git:nope': 'nope' is not a commit, branch or tag of the git repository at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GitSideReadsTheFolderAtThatCommit()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("schemas/FooResponse.schema.json", FooResponse);
        folder.Write("schemas/FooRequest.schema.json", FooRequest);
        folder.Write("README.md", "not a schema\n");
        Git.Run(folder.Root, "init", "--quiet");
        Git.Run(folder.Root, "add", "-A");
        Git.Run(folder.Root, "commit", "--quiet", "-m", "first");
        folder.Write("schemas/FooResponse.schema.json", FooResponseWithoutName);
        var schemas = Path.Combine(folder.Root, "schemas");

        var implicitFolder = CliRunner.Run("diff", "git:HEAD", schemas);
        var statedFolder = CliRunner.Run("diff", "git:HEAD:schemas", schemas);
        var statedFile = CliRunner.Run("diff", "git:HEAD:schemas/FooResponse.schema.json", Path.Combine(schemas, "FooResponse.schema.json"));
        var missingFolder = CliRunner.Run("diff", "git:HEAD:contracts", schemas);

        foreach (var result in new[] { implicitFolder, statedFolder, statedFile })
        {
            Assert.Equal(string.Empty, result.Stderr);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal(2, result.StdoutLines.Length);
            // What was removed is shown where it was: the file's path, at its line in that commit.
            Assert.StartsWith($"{Display(Path.Combine(schemas, "FooResponse.schema.json"))}(7,5): error STH0008: FooResponse.name: ", result.StdoutLines[0], StringComparison.Ordinal);
        }

        Assert.Equal(2, missingFolder.ExitCode);
        Assert.Contains("there is no 'contracts' in HEAD", missingFolder.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SetsThatShareNoContractAreAUsageError()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("a/FooResponse.schema.json", FooResponse);
        folder.Write("b/BarResponse.schema.json", BarResponse);

        var result = CliRunner.Run("diff", Path.Combine(folder.Root, "a"), Path.Combine(folder.Root, "b"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith("error: the two sets share no contract: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("has 1 contract (FooResponse.schema.json)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("has 1 contract (BarResponse.schema.json)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldersAtDifferentDepthsShareNoContract()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("schemas/v1/FooResponse.schema.json", FooResponse);

        var result = CliRunner.Run("diff", Path.Combine(folder.Root, "schemas"), Path.Combine(folder.Root, "schemas", "v1"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(v1/FooResponse.schema.json)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the two sets share no contract", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaThatDoesNotParseIsAUsageError()
    {
        using var versions = EveryKindOfChange();
        var broken = versions.Write("head/Broken.schema.json", NotJson);

        var result = CliRunner.Run("diff", versions.Base, versions.Head);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith($"{Display(broken)}(3,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(": error STH0004: Invalid schema at 'json': ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("has schemas that do not parse", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPathIsAUsageError()
    {
        using var versions = EveryKindOfChange();

        var result = CliRunner.Run("diff", Path.Combine(versions.Root, "missing"), versions.Head);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        using var versions = EveryKindOfChange();

        var result = CliRunner.Run("diff", versions.Base, versions.Head, "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Stderr);
    }
}

public sealed class ChangeReportTests
{
    private const string Witness = """{"id":"a"}""";

    private static ReportedChange Removed(int? line) => new(
        new ContractChange("FooResponse.schema.json", "FooResponse", ".name", "member", "true", null, "required-member-removed", ChangeEffect.Widens, ContractDirection.Response, VersionBump.Major, "FooResponse.name: the required member was removed.", null)
        {
            Witness = Witness,
        },
        EvolutionRules.Breaking,
        EvolutionRules.Breaking.DefaultSeverity,
        "FooResponse.schema.json",
        line,
        line is null ? null : 7,
        null,
        null);

    [Fact]
    public void WitnessFollowsTheMessage()
    {
        Assert.Equal(
            "FooResponse.schema.json(3,7): error STH0008: FooResponse.name: the required member was removed. Example: " + Witness,
            Removed(3).ToMSBuildLine());
        Assert.Equal(
            "FooResponse.schema.json: error STH0008: FooResponse.name: the required member was removed. Example: " + Witness,
            Removed(null).ToMSBuildLine());
    }

    [Fact]
    public void WitnessIsAJsonPropertyInSarifAndCodeInMarkdown()
    {
        var report = new ChangeReport([Removed(null)], VersionBump.Major, new ContractVersion(1, 4, 0), 0);
        using var sarif = new StringWriter();
        using var markdown = new StringWriter();

        report.WriteSarif(sarif);
        report.WriteMarkdown(markdown);

        using var json = JsonDocument.Parse(sarif.ToString());
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.Equal("a", result.GetProperty("properties").GetProperty("witness").GetProperty("id").GetString());
        Assert.False(result.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.Contains("| FooResponse | `.name` | response | The required member was removed. Example: `" + Witness + "` |", markdown.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("1 change: 1 breaking, 0 unproven, 0 minor, 0 patch; requires a major bump; next version 2.0.0 (after 1.4.0)", markdown.ToString().TrimEnd(), StringComparison.Ordinal);
    }
}
