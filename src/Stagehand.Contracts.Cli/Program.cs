using System;
using System.CommandLine;
using System.IO;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli;

/// <summary>The <c>stagehand-contracts</c> tool: lists the contracts and checks schema files.</summary>
public static class Program
{
    /// <summary>The name of the tool, as typed on the command line and reported in SARIF.</summary>
    public const string ToolName = "stagehand-contracts";

    /// <summary>Runs the tool against the console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool in-process, writing to the given writers.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where normal output goes.</param>
    /// <param name="stderr">Where error messages go.</param>
    /// <returns>The exit code: 0 for success, 1 for errors found (or bad usage), 2 for a missing input.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = CreateRootCommand();
        var parseResult = root.Parse(args);
        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>Builds the command tree.</summary>
    internal static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Lists the Stagehand contracts and checks schema files against the Stagehand dialect.");
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root;
    }
}
