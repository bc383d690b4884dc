using System;

namespace Stagehand.Contracts.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string ValidLlm = """
        {"id":"6f1c0f7e-8e0b-4c41-9a3e-0f2b9c1d2e3f","source":"user","displayName":null,"modelName":"openai/gpt-4.1-nano",
         "baseUrl":null,"systemPrompt":null,"providerOptions":null,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
        """;

    [Fact]
    public void ValidFilePrintsValidAndExitsZero()
    {
        using var folder = new TempSchemaFolder();
        var file = folder.Write("llm.json", ValidLlm);

        var result = CliRunner.Run("validate", "LLMConfig", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["valid " + file], result.StdoutLines);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void InvalidFilePrintsEachErrorIndentedAndExitsOne()
    {
        using var folder = new TempSchemaFolder();
        var good = folder.Write("good.json", ValidLlm);
        var bad = folder.Write("bad.json", """{"id":"not-a-uuid","source":"robot","modelName":"m","extra":1}""");

        var result = CliRunner.Run("validate", "LLMConfig", good, bad);

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("valid " + good, lines[0]);
        Assert.Equal("invalid " + bad, lines[1]);
        Assert.Contains("  /id format: ", lines[2..], StringComparer.Ordinal.WithPrefix());
        Assert.Contains("  /source enum: ", lines[2..], StringComparer.Ordinal.WithPrefix());
        Assert.Contains("  /extra additionalProperties: ", lines[2..], StringComparer.Ordinal.WithPrefix());
        Assert.Contains("  /createdAt required: The required member 'createdAt' is missing.", lines[2..]);
        Assert.All(lines[2..], line => Assert.StartsWith("  /", line, StringComparison.Ordinal));
    }

    [Fact]
    public void DashReadsStandardInput()
    {
        var result = CliRunner.RunWithInput(ValidLlm, "validate", "LLMConfig", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["valid -"], result.StdoutLines);
    }

    [Fact]
    public void UpstreamNameLlmIsAcceptedForLlmConfig()
    {
        var result = CliRunner.RunWithInput(ValidLlm, "validate", "LLM", "-");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void UnknownContractListsNearestNamesAndExitsTwo()
    {
        var result = CliRunner.RunWithInput("{}", "validate", "LLMConfg", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("'LLMConfg' is not a contract", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("LLMConfig", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsAUsageError()
    {
        var result = CliRunner.Run("validate", "LLMConfig", "/definitely/not/here.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read '/definitely/not/here.json'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingArgumentsAreAUsageError()
    {
        Assert.Equal(2, CliRunner.Run("validate").ExitCode);
        Assert.Equal(2, CliRunner.Run("validate", "LLMConfig").ExitCode);
        Assert.Equal(2, CliRunner.Run("validate", "LLMConfig", "-", "--policy", "lenient").ExitCode);
    }

    [Theory]
    [InlineData("declared", 0)]
    [InlineData("tolerant", 0)]
    [InlineData("strict", 1)]
    public void PolicyDecidesAboutUnknownMembersOfADropObject(string policy, int exitCode)
    {
        var result = CliRunner.RunWithInput("""{"modelName":"openai/gpt-4.1","keepAlive":true}""", "validate", "SessionStartRequest", "-", "--policy", policy);

        Assert.Equal(exitCode, result.ExitCode);
        if (exitCode == 1)
        {
            Assert.Equal(["invalid -", "  /keepAlive additionalProperties: The contract does not allow members it does not declare."], result.StdoutLines);
        }
    }

    [Fact]
    public void ServerAssignedMembersAreRejectedWhateverThePolicy()
    {
        var result = CliRunner.RunWithInput("""{"modelName":"m","id":"6f1c0f7e-8e0b-4c41-9a3e-0f2b9c1d2e3f"}""", "validate", "LLMCreateRequest", "-", "--policy", "tolerant");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  /id readOnly: This member is assigned by the server and cannot be set.", result.StdoutLines);
    }
    [Fact]
    public void FullNamesAreContractsAndSuggestionsRankByRealSimilarity()
    {
        var full = CliRunner.RunWithInput("{\"input\":\"click\"}", "validate", "Stagehand.Contracts.V3.ActRequest", "-");
        Assert.Equal(0, full.ExitCode);

        var typo = CliRunner.RunWithInput("{}", "validate", "Stagehand.Contracts.V3.ActRequst", "-");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("Did you mean: ActRequest,", typo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnSchemasAreValidatedWithTheContractsGeneratedFromThem()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Pet.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-stagehand-visibility": "public",
              "type": "object",
              "properties": { "name": { "type": "string", "minLength": 1 }, "age": { "type": "integer", "minimum": 0 } },
              "required": ["name"],
              "additionalProperties": false
            }
            """);
        var good = folder.Write("good.json", """{"name":"Rex","age":3}""");
        var bad = folder.Write("bad.json", """{"name":"","age":-1}""");

        var result = CliRunner.Run("validate", "--schemas", folder.Root, "Pet", good, bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal($"valid {good}", result.StdoutLines[0]);
        Assert.Equal($"invalid {bad}", result.StdoutLines[1]);
        Assert.Contains(result.StdoutLines, line => line.Contains("/name minLength", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, line => line.Contains("/age minimum", StringComparison.Ordinal));
    }

    [Fact]
    public void OwnSchemasWithProblemsAreAUsageErrorThatSaysWhy()
    {
        using var folder = new TempSchemaFolder();
        folder.Write("Pet.schema.json", """{ "type": "object", """);
        var file = folder.Write("pet.json", "{}");

        var result = CliRunner.Run("validate", "--schemas", folder.Root, "Pet", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("STH0004", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("stagehand-contracts check", result.Stderr, StringComparison.Ordinal);
    }
}

internal static class PrefixComparer
{
    /// <summary>Compares a collection item with an expected prefix: equal when the item starts with it.</summary>
    public static System.Collections.Generic.IEqualityComparer<string> WithPrefix(this StringComparer _) => new Prefix();

    private sealed class Prefix : System.Collections.Generic.IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is not null && y is not null && (y.StartsWith(x, StringComparison.Ordinal) || x.StartsWith(y, StringComparison.Ordinal));

        public int GetHashCode(string obj) => 0;
    }
}
