using System;
using System.IO;
using System.Linq;
using static Stagehand.Contracts.Cli.Tests.ContractSchemas;

namespace Stagehand.Contracts.Cli.Tests;

public sealed class BaselineCommandTests
{
    private const string BaselineName = "Contracts.Shipped.txt";

    [Fact]
    public void BaselineWritesEveryFactAndRoundTrips()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("v1/FooResponse.schema.json", FooResponse);
        folder.Write("FooRequest.schema.json", FooRequest);
        var baseline = Path.Combine(folder.Root, BaselineName);

        var result = CliRunner.Run("baseline", folder.Root, "--version", "1.2.0");

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(baseline);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("version\t1.2.0", lines);
        Assert.Contains("v1/FooResponse.schema.json\t.name\tmember\ttrue", lines);
        Assert.Contains("FooRequest.schema.json\t.code\tpattern\t\"^[a-z]+$\"", lines);
        var facts = lines.Where(l => !l.StartsWith('#') && !l.StartsWith("version\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(facts.OrderBy(l => l, StringComparer.Ordinal), facts);
        Assert.Equal([$"wrote {Display(baseline)}: {facts.Count} facts of 2 contracts, version 1.2.0"], result.StdoutLines);

        var diff = CliRunner.Run("diff", baseline, folder.Root);

        Assert.Equal(string.Empty, diff.Stderr);
        Assert.Equal(["no changes; the version stays 1.2.0"], diff.StdoutLines);
        Assert.Equal(0, diff.ExitCode);
    }

    [Fact]
    public void RepositorySchemasRoundTripThroughTheirBaseline()
    {
        var schemas = Path.Combine(CliRunner.RepositoryRoot(), "schemas");
        using var folder = new TempSchemaFolder();
        var baseline = Path.Combine(folder.Root, "schemas", BaselineName);
        foreach (var file in Directory.GetFiles(schemas, "*.schema.json", SearchOption.AllDirectories))
        {
            folder.Write(Path.Combine("schemas", Path.GetRelativePath(schemas, file)), File.ReadAllText(file));
        }

        var written = CliRunner.Run("baseline", Path.Combine(folder.Root, "schemas"));
        var diff = CliRunner.Run("diff", baseline, schemas);

        Assert.Equal(0, written.ExitCode);
        Assert.EndsWith(", no version (give --version to state one)", written.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(["no changes"], diff.StdoutLines);
        Assert.Equal(0, diff.ExitCode);
    }

    [Fact]
    public void AnExistingBaselineKeepsItsIgnoreLinesAndVersion()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("FooResponse.schema.json", FooResponse);
        var baseline = folder.Write(BaselineName, "version\t2.1.0\nignore\tFooResponse.schema.json\t.name\tmember\tNo client reads it.\nFooResponse.schema.json\t\tcontract\t\"FooResponse\"\n");

        var kept = CliRunner.Run("baseline", folder.Root);

        Assert.Equal(0, kept.ExitCode);
        Assert.EndsWith(", version 2.1.0, 1 ignore line kept", kept.Stdout.TrimEnd(), StringComparison.Ordinal);
        var lines = File.ReadAllLines(baseline);
        Assert.Contains("version\t2.1.0", lines);
        Assert.Contains("ignore\tFooResponse.schema.json\t.name\tmember\tNo client reads it.", lines);
        Assert.Contains("FooResponse.schema.json\t.id\tmember\ttrue", lines);

        var bumped = CliRunner.Run("baseline", folder.Root, "--version", "3.0.0");

        Assert.Equal(0, bumped.ExitCode);
        lines = File.ReadAllLines(baseline);
        Assert.Contains("version\t3.0.0", lines);
        Assert.DoesNotContain("version\t2.1.0", lines);
        Assert.Contains("ignore\tFooResponse.schema.json\t.name\tmember\tNo client reads it.", lines);
    }

    [Fact]
    public void OutWritesElsewhereWithIdsRelativeToItsFolder()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("schemas/v1/FooResponse.schema.json", FooResponse);
        var baseline = Path.Combine(folder.Root, BaselineName);

        var result = CliRunner.Run("baseline", Path.Combine(folder.Root, "schemas"), "--out", baseline);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("schemas/v1/FooResponse.schema.json\t.name\tmember\ttrue", File.ReadAllLines(baseline));
    }

    [Fact]
    public void OutBesideTheFolderIsAUsageError()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("schemas/FooResponse.schema.json", FooResponse);
        var baseline = Path.Combine(folder.Root, "elsewhere", BaselineName);

        var result = CliRunner.Run("baseline", Path.Combine(folder.Root, "schemas"), "--out", baseline);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be in", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(baseline));
    }

    [Fact]
    public void SchemaThatDoesNotParseWritesNothing()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("FooResponse.schema.json", FooResponse);
        var broken = folder.Write("Broken.schema.json", NotJson);

        var result = CliRunner.Run("baseline", folder.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith($"{Display(broken)}(3,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error STH0004: Invalid schema at 'json': ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Root, BaselineName)));
    }

    [Fact]
    public void ExistingBaselineThatDoesNotParseIsLeftAlone()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("FooResponse.schema.json", FooResponse);
        var text = "# kept\nversion\tone\n";
        var baseline = folder.Write(BaselineName, text);

        var result = CliRunner.Run("baseline", folder.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{Display(baseline)}(2): error: 'one' is not a version", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(baseline));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("v1.2.3")]
    public void VersionThatIsNotOneIsAUsageError(string version)
    {
        using var folder = new TempSchemaFolder();
        folder.Write("FooResponse.schema.json", FooResponse);

        var result = CliRunner.Run("baseline", folder.Root, "--version", version);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{version}' is not a version", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Root, BaselineName)));
    }

    [Fact]
    public void FolderWithoutContractsIsAUsageError()
    {
        using var folder = new TempSchemaFolder();

        var result = CliRunner.Run("baseline", folder.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no contracts", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Root, BaselineName)));
    }

    [Fact]
    public void DirectoryDefaultsToTheCurrentFolder()
    {
        var parseResult = Program.CreateRootCommand(() => Stream.Null).Parse(["baseline"]);

        Assert.Empty(parseResult.Errors);
        Assert.Equal(".", parseResult.GetValue<string>("DIR"));
        Assert.Null(parseResult.GetValue<string?>("--version"));
    }
}
