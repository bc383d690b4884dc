using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Stagehand.Contracts.Cli.Evolution;
using Stagehand.Schema.Evolution;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>
/// <c>baseline [DIR]</c>: writes the facts of every schema file below a folder as the baseline
/// (<c>Contracts.Shipped.txt</c>) that later versions are compared with; an existing baseline's ignore lines and version
/// are kept. Exit code 0 when written, 2 on a usage error or a schema or baseline that does not parse (nothing is written then).
/// </summary>
internal static class BaselineCommand
{
    public const string DefaultDirectory = ".";

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder whose schema files (*.schema.json, recursively) are the released contracts.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var version = new Option<string?>("--version") { HelpName = "X.Y.Z", Description = "The version the contracts are released as (MAJOR.MINOR.PATCH); by default an existing baseline's version is kept." };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = $"The baseline file to write; DIR/{ContractBaseline.FileName} by default. It must be in DIR or a folder above it: contract ids are schema paths relative to its folder." };

        var command = new Command("baseline", $"Write the released contracts' facts to {ContractBaseline.FileName}, keeping an existing baseline's ignore lines and version.");
        command.Arguments.Add(directory);
        command.Options.Add(version);
        command.Options.Add(output);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(directory) ?? DefaultDirectory,
            parseResult.GetValue(version),
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string directory, string? versionText, string? outFile, TextWriter output, TextWriter error)
    {
        var folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"error: '{directory}' is not a folder: give the folder of the schema files to write a baseline of.");
            return ExitCodes.Usage;
        }

        ContractVersion? version = null;
        if (versionText is not null)
        {
            if (!ContractVersion.TryParse(versionText, out var parsed))
            {
                error.WriteLine($"error: '{versionText}' is not a version: write MAJOR.MINOR.PATCH, such as 1.4.0.");
                return ExitCodes.Usage;
            }

            version = parsed;
        }

        var file = Path.GetFullPath(outFile ?? Path.Combine(folder, ContractBaseline.FileName));
        var root = Path.GetDirectoryName(file)!;
        var inside = Path.GetRelativePath(root, folder);
        if (Path.IsPathRooted(inside) || inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error.WriteLine($"error: the baseline '{outFile}' must be in '{directory}' or a folder above it: contract ids are the schema files' paths relative to the baseline's folder.");
            return ExitCodes.Usage;
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        try
        {
            var existing = File.Exists(file) ? ContractSet.ReadBaseline(file) : null;
            var set = ContractSet.FromFolder(directory, folder, root);
            if (set.Facts.Count == 0)
            {
                error.WriteLine($"error: there are no contracts in '{directory}': no *.schema.json file below it states one. Nothing was written.");
                return ExitCodes.Usage;
            }

            version ??= existing?.Version;
            var ignored = existing?.Ignored ?? [];
            var text = ContractBaseline.Write(version, set.Facts, ignored);
            Directory.CreateDirectory(root);
            File.WriteAllText(file, text, new UTF8Encoding(false));

            var facts = text.Split('\n').Count(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal) && !line.StartsWith("version\t", StringComparison.Ordinal) && !line.StartsWith("ignore\t", StringComparison.Ordinal));
            var summary = string.Create(CultureInfo.InvariantCulture, $"wrote {CheckCommand.DisplayPath(file, workingDirectory)}: {Count(facts, "fact")} of {Count(set.Contracts.Count, "contract")}");
            summary += version is { } v ? $", version {v}" : ", no version (give --version to state one)";
            if (ignored.Count > 0)
            {
                summary += $", {Count(ignored.Count, "ignore line")} kept";
            }

            output.WriteLine(summary);
            return ExitCodes.Success;
        }
        catch (ContractInputException exception)
        {
            foreach (var detail in exception.Details)
            {
                error.WriteLine(detail);
            }

            error.WriteLine("error: " + exception.Message + " Nothing was written.");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write '{file}': {exception.Message}");
            return ExitCodes.Usage;
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
