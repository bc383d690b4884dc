using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli.Tests;

/// <summary>
/// <c>check</c> reports the operations rules (STH0014, STH0015) in <c>*.operations.json</c> files, as a build does:
/// over a folder, or over one operations file with the schema files it names.
/// </summary>
public sealed class CheckOperationsTests
{
    private const string Pet = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": { "name": { "type": "string" } }
        }
        """;

    private const string PetError = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": { "message": { "type": "string" } }
        }
        """;

    private const string Operations = """
        {
          "$schema": "https://stagehand-contracts.dev/schemas/operations.v1.json",
          "errorEnvelope": { "$ref": "PetError.schema.json" },
          "http": {
            "getPet": {
              "method": "GET",
              "path": "/pets/{id}",
              "pathParameters": { "id": { "type": "string" } },
              "responses": { "200": { "$ref": "Pet.schema.json" } }
            },
            "listPets": {
              "method": "GET",
              "path": "/pets",
              "responses": { "200": { "$ref": "Pets.schema.json" }, "default": { "$ref": "PetError.schema.json" } }
            }
          }
        }
        """;

    private static string Display(string path) => CheckCommand.DisplayPath(path, Directory.GetCurrentDirectory());

    [Fact]
    public void BothRulesAreReportedInAFolderInMSBuildFormat()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Pet.schema.json", Pet);
        folder.Write("PetError.schema.json", PetError);
        var operations = folder.Write("pets.operations.json", Operations);

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(
            [
                $"{Display(operations)}(5,5): warning STH0014: The operation 'getPet' (GET /pets/{{id}}) documents no error response: list how it fails, by status (400, 404, 500), class (4XX, 5XX) or 'default', each with its error body",
                $"{Display(operations)}(14,39): error STH0015: Broken operation wiring at '$ref': The $ref 'Pets.schema.json' of the 200 response of 'listPets' names no schema of the build: there is no schema file at '{Path.Combine(folder.Root, "Pets.schema.json").Replace('\\', '/')}'.",
                "checked 2 schema files and 1 operations file: 1 error, 1 warning",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void WarningsAloneDoNotFailTheCheck()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Pet.schema.json", Pet);
        folder.Write("PetError.schema.json", PetError);
        folder.Write("pets.operations.json", Operations.Replace("Pets.schema.json", "Pet.schema.json", StringComparison.Ordinal));

        var result = CliRunner.Run("check", folder.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("checked 2 schema files and 1 operations file: 0 errors, 1 warning", result.StdoutLines[^1]);
    }

    [Fact]
    public void OneOperationsFileIsCheckedWithTheSchemaFilesItNames()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("contracts/Pet.schema.json", Pet);
        folder.Write("contracts/PetError.schema.json", PetError);
        folder.Write("contracts/Broken.schema.json", "{ not json");
        folder.Write("api/other.operations.json", "{ \"http\": [] }");
        var operations = folder.Write("api/pets.operations.json", Operations
            .Replace("\"PetError.schema.json\"", "\"../contracts/PetError.schema.json\"", StringComparison.Ordinal)
            .Replace("\"Pet.schema.json\"", "\"../contracts/Pet.schema.json\"", StringComparison.Ordinal)
            .Replace("\"Pets.schema.json\"", "\"../contracts/Pet.schema.json\"", StringComparison.Ordinal));

        var result = CliRunner.Run("check", operations);

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.StdoutLines[..^1]);
        Assert.StartsWith($"{Display(operations)}(5,5): warning STH0014: ", warning, StringComparison.Ordinal);
        Assert.Equal("checked 1 operations file: 0 errors, 1 warning", result.StdoutLines[^1]);
    }

    [Fact]
    public void TheRepositorysOperationsFilesAreClean()
    {
        var llms = Path.Combine(CliRunner.RepositoryRoot(), "schemas", "v4", "llms.operations.json");

        var result = CliRunner.Run("check", llms);

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(["checked 1 operations file: 0 errors"], result.StdoutLines);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void SarifCarriesTheOperationsResults()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Pet.schema.json", Pet);
        folder.Write("PetError.schema.json", PetError);
        var operations = folder.Write("pets.operations.json", Operations);

        var result = CliRunner.Run("check", folder.Root, "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["STH0014", "STH0015"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(["warning", "error"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.All(results, r => Assert.Equal(new Uri(operations).AbsoluteUri, r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "STH0015");
        Assert.Equal("Operation wiring is broken", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.EndsWith("/docs/rules/STH0015.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNeitherASchemaNorOperationsIsAUsageError()
    {
        using var folder = new TempSchemaFolder();
        var other = folder.Write("pets.json", "{}");

        var result = CliRunner.Run("check", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".operations.json", result.Stderr, StringComparison.Ordinal);
    }
}
