using System;
using System.Diagnostics;
using System.IO;

namespace Stagehand.Contracts.Cli.Tests;

/// <summary>Small contracts and their next versions, for the baseline and diff tests.</summary>
internal static class ContractSchemas
{
    /// <summary>A response with two required members; <c>name</c> is at line 7, column 5.</summary>
    public const string FooResponse = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "name": { "type": "string" }
          },
          "required": ["id", "name"]
        }
        """;

    /// <summary><see cref="FooResponse"/> without its required member <c>name</c>: a response that may now lack it breaks older clients.</summary>
    public const string FooResponseWithoutName = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": {
            "id": { "type": "string" }
          },
          "required": ["id"]
        }
        """;

    /// <summary>A request with a described root and a member with a pattern.</summary>
    public const string FooRequest = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "description": "Asks for a foo.",
          "type": "object",
          "properties": {
            "code": { "type": "string", "pattern": "^[a-z]+$" }
          }
        }
        """;

    /// <summary><see cref="FooRequest"/> with a new optional member <c>note</c> (line 8, column 5): minor.</summary>
    public const string FooRequestWithNote = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "description": "Asks for a foo.",
          "type": "object",
          "properties": {
            "code": { "type": "string", "pattern": "^[a-z]+$" },
            "note": { "type": "string" }
          }
        }
        """;

    /// <summary>
    /// <see cref="FooRequest"/> with every other kind of change: a new optional member (minor), another description
    /// (patch) and another pattern (unproven).
    /// </summary>
    public const string FooRequestChanged = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "description": "Asks for one foo.",
          "type": "object",
          "properties": {
            "code": { "type": "string", "pattern": "^[a-z0-9]+$" },
            "note": { "type": "string" }
          }
        }
        """;

    /// <summary>A response that shares nothing with the others.</summary>
    public const string BarResponse = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": {
            "count": { "type": "integer" }
          }
        }
        """;

    /// <summary>Not JSON: a trailing comma at line 3.</summary>
    public const string NotJson = "{\n  \"type\": \"object\",\n}\n";

    /// <summary>The path <c>diff</c> and <c>baseline</c> show for <paramref name="path"/>.</summary>
    public static string Display(string path) => Commands.CheckCommand.DisplayPath(path, Directory.GetCurrentDirectory());
}

/// <summary>Runs git for the tests.</summary>
internal static class Git
{
    /// <summary>Runs git in <paramref name="folder"/> and returns what it printed; fails the test when git fails.</summary>
    public static string Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.name=Stagehand tests");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.email=tests@stagehand.invalid");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("commit.gpgsign=false");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"git {string.Join(" ", arguments)} failed in '{folder}' ({process.ExitCode}): {error.GetAwaiter().GetResult()}");
        }

        return output;
    }
}
