using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Stagehand.Contracts.Cli.Tests;

/// <summary>
/// <c>check</c> reports every schema rule a build reports (the same analyzer and generator code), not only STH0004;
/// it takes one file as well as a folder, and counts in plain English.
/// </summary>
public sealed class CheckRulesTests
{
    private const string Header = """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        """;

    [Fact]
    public void AnInternalSchemaThatLostSourceIsMirrorDrift()
    {
        using var folder = new TempSchemaFolder();
        CopyRepositorySchemas(folder.Root);
        var path = Path.Combine(folder.Root, "internal", "InternalLLMConfig.schema.json");
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schema["properties"]!.AsObject().Remove("source");
        var required = schema["required"]!.AsArray();
        required.Remove(required.First(r => r!.GetValue<string>() == "source"));
        File.WriteAllText(path, schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.StdoutLines[..^1]);
        Assert.Contains("InternalLLMConfig.schema.json(", finding, StringComparison.Ordinal);
        Assert.Contains(": error STH0002: ", finding, StringComparison.Ordinal);
        Assert.Contains("'source'", finding, StringComparison.Ordinal);
        Assert.Equal("checked 118 schema files: 1 error", result.StdoutLines[^1]);

        var single = CliRunner.Run("check", path);
        Assert.Equal(1, single.ExitCode);
        Assert.Equal([finding, "checked 1 schema file: 1 error"], single.StdoutLines);
    }

    [Fact]
    public void WireFragileShapeIsAWarningAndDoesNotFailTheCheck()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Observe.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": { "__extractionIncomplete": { "type": "boolean" } }
            }
            """);

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, line => line.Contains(": warning STH0005: ", StringComparison.Ordinal));
        Assert.Equal("checked 1 schema file: 0 errors, 1 warning", result.StdoutLines[^1]);
    }

    [Fact]
    public void InfrastructureNamedInAPublicDescriptionIsAWarningAtTheName()
    {
        using var folder = new TempSchemaFolder();
        var limits = folder.Write("Limits.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": { "threshold": { "type": "number", "description": "Threshold comes from a LaunchDarkly flag" } }
            }
            """);
        folder.Write("Row.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "internal",
              "type": "object",
              "properties": { "threshold": { "type": "number", "description": "Threshold comes from a LaunchDarkly flag" } }
            }
            """);

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(0, result.ExitCode);
        var finding = Assert.Single(result.StdoutLines[..^1]);
        Assert.StartsWith(limits + "(4,91): warning STH0013: The description of the schema at '#/properties/threshold' names the feature-flag service 'LaunchDarkly'", finding, StringComparison.Ordinal);
        Assert.Equal("checked 2 schema files: 0 errors, 1 warning", result.StdoutLines[^1]);
    }

    [Fact]
    public void SecretInAPublicPersistedResourceAndAnExposedInternalSchemaAreReported()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Hidden.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "internal",
              "type": "object",
              "properties": { "note": { "type": "string" } }
            }
            """);
        folder.Write("Config.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "public",
              "x-stagehand-persisted": true,
              "type": "object",
              "properties": {
                "apiKey": { "type": "string" },
                "hidden": { "$ref": "Hidden.schema.json" }
              }
            }
            """);

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StdoutLines, line => line.Contains(": error STH0006: ", StringComparison.Ordinal) && line.Contains("apiKey", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, line => line.Contains(": error STH0001: ", StringComparison.Ordinal) && line.Contains("Hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void OneFileIsCheckedWithTheFilesItRefersTo()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("common/Name.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "public",
              "type": "string"
            }
            """);
        var thing = folder.Write("v3/Thing.schema.json", "{\n" + Header + """
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": { "name": { "$ref": "../common/Name.schema.json" } }
            }
            """);
        folder.Write("v3/Broken.schema.json", "{ not json");

        var result = CliRunner.Run("check", thing);

        Assert.Equal(["checked 1 schema file: 0 errors"], result.StdoutLines);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void AFileThatIsNotASchemaFileIsAUsageError()
    {
        using var folder = new TempSchemaFolder();
        var other = folder.Write("notes.json", "{}");

        var result = CliRunner.Run("check", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a schema file", result.Stderr, StringComparison.Ordinal);
    }

    private static void CopyRepositorySchemas(string destination)
    {
        var source = Path.Combine(CliRunner.RepositoryRoot(), "schemas");
        foreach (var file in Directory.EnumerateFiles(source, "*.schema.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
