using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Stagehand.Contracts.Cli.Evolution;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>
/// <c>diff BASE HEAD</c>: the changes from one set of contracts to another, each classified by what it breaks for the
/// direction its contract travels, and the version bump they need. Exit code 0 when nothing breaks, 1 when a change is
/// breaking or unproven, 2 on a usage error or an input that cannot be read.
/// </summary>
internal static class DiffCommand
{
    private const string SideHelp =
        "a folder of schema files, one schema file, a baseline file (*.txt, as BASE only), or git:REF[:FOLDER] (the schemas of that folder at commit REF; " +
        "FOLDER is relative to the repository's top folder, and defaults to the folder the other side names)";

    public static Command Create()
    {
        var @base = new Argument<string>("BASE") { Description = "The released contracts: " + SideHelp + "." };
        var head = new Argument<string>("HEAD") { Description = "The contracts to release: " + SideHelp + "." };
        var format = new Option<string>("--format")
        {
            Description = "The output format: msbuild (one 'path(line,col): error STH0008: ...' line per change), sarif, or markdown (a changelog).",
            DefaultValueFactory = _ => "msbuild",
        };
        format.AcceptOnlyFromAmong("msbuild", "sarif", "markdown");
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Write the report to this file; the summary line still goes to standard output." };

        var command = new Command(
            "diff",
            "Compare two sets of contracts: each change is breaking (error STH0008), unproven (warning STH0011: it may narrow or widen what is accepted and no proof either way was found) " +
            "or compatible (info STH0009, minor or patch), for the direction its contract travels; the last line sums them up with the version bump they need. " +
            "Exit codes: 0 nothing breaks, 1 a change is breaking or unproven (unproven counts as breaking), 2 a usage error or an input that cannot be read " +
            "(a path or git commit that does not exist, a baseline line or a schema that does not parse, two sets that share no contract).");
        command.Arguments.Add(@base);
        command.Arguments.Add(head);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(@base)!,
            parseResult.GetValue(head)!,
            parseResult.GetValue(format) ?? "msbuild",
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string baseSide, string headSide, string format, string? outFile, TextWriter output, TextWriter error)
    {
        if (ContractSet.IsBaseline(headSide))
        {
            error.WriteLine($"error: HEAD '{headSide}' is a baseline: a baseline can only be BASE, the released contracts that HEAD's schemas are compared with.");
            return ExitCodes.Usage;
        }

        ContractSet before;
        ContractSet after;
        try
        {
            before = ContractSet.Load(baseSide, headSide);
            after = ContractSet.Load(headSide, baseSide);
        }
        catch (ContractInputException exception)
        {
            foreach (var detail in exception.Details)
            {
                error.WriteLine(detail);
            }

            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Usage;
        }

        var beforeContracts = before.Contracts;
        var afterContracts = after.Contracts;
        if (!beforeContracts.Intersect(afterContracts, StringComparer.Ordinal).Any())
        {
            error.WriteLine(
                $"error: the two sets share no contract: BASE '{baseSide}' has {Describe(beforeContracts)}, HEAD '{headSide}' has {Describe(afterContracts)}. " +
                "A contract is named by its schema file's path relative to its side's folder (a baseline's folder, a git:REF:FOLDER), so give two sides that hold the same folder of schemas.");
            return ExitCodes.Usage;
        }

        var report = ChangeReport.Create(before, after);
        var text = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "sarif":
                report.WriteSarif(text);
                break;
            case "markdown":
                report.WriteMarkdown(text);
                break;
            default:
                report.WriteMSBuild(text);
                break;
        }

        if (outFile is not null)
        {
            try
            {
                var full = Path.GetFullPath(outFile);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text.ToString(), new UTF8Encoding(false));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write '{outFile}': {exception.Message}");
                return ExitCodes.Usage;
            }

            output.WriteLine(report.Summary());
        }
        else if (format == "sarif")
        {
            // Standard output is the SARIF log alone, so that it parses; the summary goes to standard error.
            output.Write(text.ToString());
            error.WriteLine(report.Summary());
        }
        else
        {
            output.Write(text.ToString());
        }

        return report.Breaks ? ExitCodes.Invalid : ExitCodes.Success;
    }

    private static string Describe(System.Collections.Generic.IReadOnlyList<string> contracts)
    {
        if (contracts.Count == 0)
        {
            return "no contracts";
        }

        var files = contracts.Select(c => c.Split('#')[0]).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", files.Take(3)) + (files.Count > 3 ? ", ..." : string.Empty);
        return $"{contracts.Count} contract{(contracts.Count == 1 ? string.Empty : "s")} ({shown})";
    }
}
