using System;
using System.IO;

namespace Stagehand.Contracts.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split(["\r\n", "\n"], StringSplitOptions.None)[..^1];
}

internal static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs the tool with <paramref name="standardInput"/> as what <c>-</c> reads.</summary>
    public static CliResult RunWithInput(string standardInput, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdout, stderr, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root: the nearest folder above the test assembly that holds Stagehand.sln.</summary>
    public static string RepositoryRoot() => TestRepository.Root;
}

/// <summary>A temporary folder of schema files, deleted on dispose.</summary>
internal sealed class TempSchemaFolder : IDisposable
{
    public TempSchemaFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "stagehand-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> (with \n line ends) to a file below the root and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
