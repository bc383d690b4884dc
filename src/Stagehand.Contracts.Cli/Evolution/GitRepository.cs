using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Stagehand.Contracts.Cli.Evolution;

/// <summary>A git repository, read with the <c>git</c> executable: which commit a name is, and the files of a commit.</summary>
internal sealed class GitRepository
{
    private GitRepository(string top) => Top = top;

    /// <summary>The repository's top folder (full path).</summary>
    public string Top { get; }

    /// <summary>The repository that holds <paramref name="folder"/>.</summary>
    /// <exception cref="ContractInputException">No git, or the folder is in no repository.</exception>
    public static GitRepository Containing(string folder)
    {
        var (exitCode, output, error) = Run(folder, "rev-parse", "--show-toplevel");
        if (exitCode != 0)
        {
            throw new ContractInputException($"'{folder}' is not inside a git repository: {FirstLine(error)}");
        }

        return new GitRepository(Path.GetFullPath(Encoding.UTF8.GetString(output).Trim()));
    }

    /// <summary>The commit <paramref name="reference"/> names (a branch, a tag, a commit id, <c>HEAD~2</c>), or null when it names none.</summary>
    public string? ResolveCommit(string reference)
    {
        if (reference.Length == 0 || reference.StartsWith("-", StringComparison.Ordinal))
        {
            return null;
        }

        var (exitCode, output, _) = Run(Top, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        return exitCode == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    /// <summary>Every file of <paramref name="commit"/>, as paths relative to <see cref="Top"/> with forward slashes.</summary>
    public IReadOnlyList<string> Files(string commit)
    {
        var (exitCode, output, error) = Run(Top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit);
        if (exitCode != 0)
        {
            throw new ContractInputException($"git ls-tree {commit} failed: {FirstLine(error)}");
        }

        return Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The text of <paramref name="path"/> (relative to <see cref="Top"/>) at <paramref name="commit"/>, exactly as committed.</summary>
    public string Read(string commit, string path)
    {
        var (exitCode, output, error) = Run(Top, "cat-file", "blob", commit + ":" + path);
        if (exitCode != 0)
        {
            throw new ContractInputException($"cannot read '{path}' at {commit}: {FirstLine(error)}");
        }

        return Encoding.UTF8.GetString(output).TrimStart('\uFEFF');
    }

    private static (int ExitCode, byte[] Output, string Error) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(workingDirectory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ContractInputException("git could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new ContractInputException($"a git: side needs the git executable, which could not be run: {exception.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return (process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line ?? "git gave no reason.";
    }
}
