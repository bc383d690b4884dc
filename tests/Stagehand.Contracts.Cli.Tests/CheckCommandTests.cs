using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli.Tests;

public sealed class CheckCommandTests
{
    private const string MisspeltKeywordAndBadRef = """
        {
          "minlength": 1,
          "type": "object",
          "properties": {
            "bar": { "$ref": "Missing.schema.json" }
          }
        }
        """;

    private const string Valid = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": {
            "name": { "type": "string" }
          }
        }
        """;

    private static string Display(string path) => CheckCommand.DisplayPath(path, Directory.GetCurrentDirectory());

    [Fact]
    public void RepositorySchemasHaveNoErrors()
    {
        var schemas = Path.Combine(CliRunner.RepositoryRoot(), "schemas");
        var count = Directory.GetFiles(schemas, "*.schema.json", SearchOption.AllDirectories).Length;
        var operations = Directory.GetFiles(schemas, "*.operations.json", SearchOption.AllDirectories).Length;

        var result = CliRunner.Run("check", schemas);

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal([$"checked {count} schema files and {operations} operations files: 0 errors"], result.StdoutLines);
        Assert.Equal(0, result.ExitCode);
        Assert.True(count > 100);
    }

    [Fact]
    public void BrokenSchemaIsReportedInMSBuildFormat()
    {
        using var folder = new TempSchemaFolder();
        var broken = folder.Write("v3/Broken.schema.json", MisspeltKeywordAndBadRef);
        folder.Write("v3/Fine.schema.json", Valid);
        var refLine = MisspeltKeywordAndBadRef.Split('\n')[4];
        var refColumn = refLine.IndexOf("\"Missing", StringComparison.Ordinal) + 1;

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        var lines = result.StdoutLines;
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            $"{Display(broken)}(2,3): error STH0004: Invalid schema at 'minlength': Unknown keyword 'minlength': did you mean 'minLength'? An unknown keyword is only an annotation, so this one would not validate anything. (Extension keywords start with 'x-'.)",
            lines[0]);
        Assert.StartsWith($"{Display(broken)}(5,{refColumn}): error STH0004: Invalid schema at '$ref': ", lines[1], StringComparison.Ordinal);
        Assert.Contains("Missing.schema.json", lines[1], StringComparison.Ordinal);
        Assert.Equal("checked 2 schema files: 2 errors", lines[2]);
    }

    [Fact]
    public void WrongKeywordValueAndBadJsonAreReportedAtTheirPlace()
    {
        using var folder = new TempSchemaFolder();
        var unsupported = folder.Write("WrongValue.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
                "minProperties": -1
            }
            """);
        var notJson = folder.Write("nested/deeper/NotJson.schema.json", "{\n  \"type\": \"object\",\n}\n");

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Contains(lines, l => l.StartsWith($"{Display(unsupported)}(4,22): error STH0004: Invalid schema at 'minProperties': ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{Display(notJson)}(", StringComparison.Ordinal) && l.Contains("Invalid schema at 'json': ", StringComparison.Ordinal));
        Assert.Equal($"checked 2 schema files: {lines.Length - 1} errors", lines[^1]);
    }

    [Fact]
    public void ReferencesAcrossFoldersResolve()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("common/Name.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "string",
              "enum": ["a", "b"]
            }
            """);
        folder.Write("v3/Thing.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": {
                "name": { "$ref": "../common/Name.schema.json" }
              }
            }
            """);

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(["checked 2 schema files: 0 errors"], result.StdoutLines);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void EmptyFolderHasNoErrors()
    {
        using var folder = new TempSchemaFolder();

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["checked 0 schema files: 0 errors"], result.StdoutLines);
    }

    [Fact]
    public void MissingFolderExitsWithTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "stagehand-cli-tests-missing-" + Guid.NewGuid().ToString("N"));

        var result = CliRunner.Run("check", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryDefaultsToSchemas()
    {
        var parseResult = Program.CreateRootCommand(() => System.IO.Stream.Null).Parse(["check"]);

        Assert.Empty(parseResult.Errors);
        Assert.Equal("./schemas", parseResult.GetValue<string>("PATH"));
        Assert.Equal("text", parseResult.GetValue<string>("--format"));
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        using var folder = new TempSchemaFolder();

        var result = CliRunner.Run("check", folder.Root, "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Stderr);
    }

    [Fact]
    public void SarifHasOneResultPerProblem()
    {
        using var folder = new TempSchemaFolder();
        var broken = folder.Write("v3/Broken.schema.json", MisspeltKeywordAndBadRef);
        var text = CliRunner.Run("check", folder.Root);
        var problems = text.StdoutLines[..^1];

        var result = CliRunner.Run("check", folder.Root, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var log = json.RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var run = log.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("stagehand-contracts", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["STH0001", "STH0002", "STH0003", "STH0004", "STH0005", "STH0006", "STH0007", "STH0008", "STH0009", "STH0010", "STH0011", "STH0012", "STH0013", "STH0014", "STH0015"], rules.Select(r => r.GetProperty("id").GetString()));
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "STH0004");
        Assert.Equal("Invalid schema", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.EndsWith("/docs/rules/STH0004.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, problems.Length);
        Assert.Equal(problems.Length, results.Count);
        var expectedUri = new Uri(broken).AbsoluteUri;
        for (var i = 0; i < results.Count; i++)
        {
            var item = results[i];
            Assert.Equal("STH0004", item.GetProperty("ruleId").GetString());
            Assert.Equal("STH0004", rules[item.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("error", item.GetProperty("level").GetString());
            var physical = item.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            var line = region.GetProperty("startLine").GetInt32();
            var column = region.GetProperty("startColumn").GetInt32();
            var message = item.GetProperty("message").GetProperty("text").GetString();
            Assert.Equal(expectedUri, physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal($"{Display(broken)}({line},{column}): error STH0004: {message}", problems[i]);
        }

        Assert.Equal(2, results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void SarifForCleanFolderHasNoResults()
    {
        var schemas = Path.Combine(CliRunner.RepositoryRoot(), "schemas");

        var result = CliRunner.Run("check", schemas, "--format", "sarif");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void DisplayPathIsRelativeBelowTheWorkingDirectory()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "work"));
        Assert.Equal(Path.Combine("schemas", "v3", "A.schema.json"), CheckCommand.DisplayPath(Path.Combine(root, "schemas", "v3", "A.schema.json"), root));
        var outside = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "elsewhere", "B.schema.json"));
        Assert.Equal(outside, CheckCommand.DisplayPath(outside, root));
    }

    [Fact]
    public void NamespaceFollowsTheFolders()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "schemas"));
        Assert.Equal("Stagehand.Contracts", CheckCommand.NamespaceFor(root, Path.Combine(root, "A.schema.json")));
        Assert.Equal("Stagehand.Contracts.V3", CheckCommand.NamespaceFor(root, Path.Combine(root, "v3", "A.schema.json")));
        Assert.Equal("Stagehand.Contracts.Internal.MyStuff", CheckCommand.NamespaceFor(root, Path.Combine(root, "internal", "my-stuff", "A.schema.json")));
    }
}
