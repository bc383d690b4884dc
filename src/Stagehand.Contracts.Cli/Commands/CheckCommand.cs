using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>A schema problem, ready to print: where it is (as shown to the user) and what it says.</summary>
/// <param name="Rule">The rule it breaks.</param>
/// <param name="DisplayPath">The file, relative to the current directory when it lies below it.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="EndLine">One-based end line.</param>
/// <param name="EndColumn">One-based end column (exclusive).</param>
/// <param name="Message">The formatted message.</param>
internal sealed record CheckFinding(Rule Rule, string DisplayPath, int Line, int Column, int EndLine, int EndColumn, string Message)
{
    /// <summary>The MSBuild-format line: <c>path(line,col): error ID: message</c>.</summary>
    public string ToMSBuildLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{DisplayPath}({Line},{Column}): error {Rule.Id}: {Message}");
}

/// <summary>
/// <c>check [DIR]</c>: reads every <c>*.schema.json</c> under a folder with the generator's own reader and model
/// builder, and reports what a build would report (STH0004) without building.
/// </summary>
internal static class CheckCommand
{
    public const string DefaultDirectory = "./schemas";

    private const string RootNamespace = "Stagehand.Contracts";

    public static Command Create()
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder to check, recursively.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var format = new Option<string>("--format")
        {
            Description = "The output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "sarif");

        var command = new Command("check", "Check schema files against the Stagehand dialect, as the generator would.");
        command.Arguments.Add(directory);
        command.Options.Add(format);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(directory) ?? DefaultDirectory,
            string.Equals(parseResult.GetValue(format), "sarif", StringComparison.Ordinal),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string directory, bool sarif, TextWriter output, TextWriter error)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"error: the schema folder '{directory}' does not exist.");
            return ExitCodes.Usage;
        }

        var files = Directory.EnumerateFiles(root, "*" + SchemaPaths.Extension, SearchOption.AllDirectories)
            .Where(SchemaPaths.IsSchemaFile)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

        var findings = Check(root, files);
        if (sarif)
        {
            SarifWriter.Write(findings, output);
        }
        else
        {
            foreach (var finding in findings)
            {
                output.WriteLine(finding.ToMSBuildLine());
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked {files.Count} schema files: {findings.Count} errors"));
        }

        return findings.Count == 0 ? 0 : 1;
    }

    /// <summary>Reads and builds <paramref name="files"/> (full paths below <paramref name="root"/>) as one set.</summary>
    public static IReadOnlyList<CheckFinding> Check(string root, IReadOnlyList<string> files)
    {
        var documents = files.Select(file => Read(file, NamespaceFor(root, file))).ToImmutableArray();
        var results = ContractModelBuilder.BuildOrReport(documents);

        var workingDirectory = Directory.GetCurrentDirectory();
        return results
            .SelectMany(r => r.Problems)
            .Distinct()
            .Select(p => ToFinding(p, workingDirectory))
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ToList();
    }

    /// <summary>The path to show for <paramref name="path"/>: relative to <paramref name="workingDirectory"/> when below it, otherwise full.</summary>
    public static string DisplayPath(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(workingDirectory, full);
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : relative;
    }

    private static CheckFinding ToFinding(SchemaProblem problem, string workingDirectory)
    {
        var location = problem.Location;
        return new CheckFinding(
            Rules.InvalidSchema,
            DisplayPath(location.FilePath, workingDirectory),
            location.StartLine + 1,
            location.StartCharacter + 1,
            location.EndLine + 1,
            location.EndCharacter + 1,
            Rules.InvalidSchema.Format(problem.Keyword, problem.Message));
    }

    /// <summary>Reads one file the way a build does (<see cref="SchemaReader.ReadFile"/>); an unreadable file is a problem, not a crash.</summary>
    private static SchemaDocument Read(string path, string @namespace)
    {
        SourceText? text;
        try
        {
            text = SourceText.From(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            text = null;
        }

        return SchemaReader.ReadFile(path, new SchemaFileSettings(@namespace, SchemaMode.Contract, null), text);
    }

    /// <summary>
    /// The namespace of a file's types: <c>Stagehand.Contracts</c> plus one PascalCase segment per folder below
    /// <paramref name="root"/> (<c>v3/ActRequest.schema.json</c> → <c>Stagehand.Contracts.V3</c>), so that files in
    /// different folders do not clash over type names, as in the real build.
    /// </summary>
    public static string NamespaceFor(string root, string file)
    {
        var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file) ?? root);
        if (folder == ".")
        {
            return RootNamespace;
        }

        var segments = folder
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => Identifiers.ToPascalCase(segment, "N"))
            .Select(segment => Identifiers.IsValid(segment) ? segment : "_" + segment);
        return RootNamespace + "." + string.Join(".", segments);
    }
}
