using System;
using System.CommandLine;
using System.IO;
using Stagehand.Contracts.Cli.Commands;

namespace Stagehand.Contracts.Cli;

/// <summary>The <c>stagehand-contracts</c> tool: lists the contracts, checks schema files, validates documents, writes a baseline and compares contract versions.</summary>
public static class Program
{
    /// <summary>The name of the tool, as typed on the command line and reported in SARIF.</summary>
    public const string ToolName = "stagehand-contracts";

    /// <summary>Runs the tool against the console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Console.OpenStandardInput);

    /// <summary>Runs the tool in-process, writing to the given writers.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where normal output goes.</param>
    /// <param name="stderr">Where error messages go.</param>
    /// <param name="openStandardInput">Opens what <c>-</c> reads; the console's standard input when null.</param>
    /// <returns>The exit code: 0 for success, 1 for errors found, 2 for a usage error or an input that cannot be read.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStandardInput = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = CreateRootCommand(openStandardInput ?? Console.OpenStandardInput);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                stderr.WriteLine("error: " + parseError.Message);
            }

            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>Builds the command tree.</summary>
    internal static RootCommand CreateRootCommand(Func<Stream> openStandardInput)
    {
        var root = new RootCommand("Lists the Stagehand contracts, checks schema files against the Stagehand dialect, validates JSON documents, and compares versions of a set of contracts.");
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create(openStandardInput));
        root.Subcommands.Add(BaselineCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        return root;
    }
}
