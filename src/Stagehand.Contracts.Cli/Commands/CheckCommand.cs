using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Contracts.Cli.Checking;
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>A diagnostic, ready to print: where it is (as shown to the user) and what it says.</summary>
/// <param name="Rule">The rule it breaks.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="DisplayPath">The file, relative to the current directory when it lies below it.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="EndLine">One-based end line.</param>
/// <param name="EndColumn">One-based end column (exclusive).</param>
/// <param name="Message">The formatted message.</param>
internal sealed record CheckFinding(Rule Rule, DiagnosticSeverity Severity, string DisplayPath, int Line, int Column, int EndLine, int EndColumn, string Message)
{
    /// <summary>The MSBuild-format line: <c>path(line,col): error ID: message</c>.</summary>
    public string ToMSBuildLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{DisplayPath}({Line},{Column}): {SeverityWord(Severity)} {Rule.Id}: {Message}");

    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>
/// <c>check [PATH]</c>: runs every schema rule of a build (the generator's STH0004 and every Stagehand analyzer, the
/// same code a build runs) over the schema files and operations files of a folder, or over one file with its folder's
/// schemas around it.
/// </summary>
internal static class CheckCommand
{
    public const string DefaultDirectory = "./schemas";

    private const string RootNamespace = "Stagehand.Contracts";

    public static Command Create()
    {
        var path = new Argument<string>("PATH")
        {
            Description = "The folder to check, recursively, or one schema or operations file (checked with the schema files of its folder, for $refs).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var format = new Option<string>("--format")
        {
            Description = "The output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "sarif");

        var command = new Command("check", "Check schema files with every rule a build runs on them.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(path) ?? DefaultDirectory,
            string.Equals(parseResult.GetValue(format), "sarif", StringComparison.Ordinal),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Execute(string path, bool sarif, TextWriter output, TextWriter error)
    {
        var full = Path.GetFullPath(path);
        string root;
        string? onlyFile = null;
        if (Directory.Exists(full))
        {
            root = full;
        }
        else if (File.Exists(full))
        {
            if (!SchemaPaths.IsSchemaFile(full) && !OperationsFormat.IsOperationsFile(full))
            {
                error.WriteLine($"error: '{path}' is not a schema file: schema files end in {SchemaPaths.Extension} (operations files in {OperationsFormat.Extension}).");
                return ExitCodes.Usage;
            }

            onlyFile = full;
            root = FolderAround(full);
        }
        else
        {
            error.WriteLine($"error: '{path}' does not exist: give a folder of schema files or one {SchemaPaths.Extension} file.");
            return ExitCodes.Usage;
        }

        var files = SchemaFiles.Below(root, RootNamespace, withOperations: true);
        var findings = Check(files)
            .Where(finding => onlyFile is null || Path.GetFullPath(finding.DisplayPath) == onlyFile)
            .ToList();
        var operationsCount = onlyFile is null ? files.OperationsCount : OperationsFormat.IsOperationsFile(onlyFile) ? 1 : 0;
        var schemaCount = onlyFile is null ? files.Texts.Length - operationsCount : 1 - operationsCount;
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

            output.WriteLine(Summary(schemaCount, operationsCount, findings));
        }

        return findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? ExitCodes.Invalid : ExitCodes.Success;
    }

    /// <summary>
    /// <c>checked 3 schema files: 1 error, 2 warnings</c>; the operations files (<c>checked 3 schema files and 1 operations
    /// file: ...</c>), warnings and messages only when there are some.
    /// </summary>
    public static string Summary(int files, int operationsFiles, IReadOnlyCollection<CheckFinding> findings)
    {
        var errors = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        var infos = findings.Count - errors - warnings;
        var what = operationsFiles == 0 ? Count(files, "schema file")
            : files == 0 ? Count(operationsFiles, "operations file")
            : Count(files, "schema file") + " and " + Count(operationsFiles, "operations file");
        var summary = $"checked {what}: {Count(errors, "error")}";
        if (warnings > 0)
        {
            summary += ", " + Count(warnings, "warning");
        }

        if (infos > 0)
        {
            summary += ", " + Count(infos, "message");
        }

        return summary;
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>Runs every schema rule over <paramref name="files"/> and sorts what they report by place.</summary>
    public static IReadOnlyList<CheckFinding> Check(SchemaFiles files)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        return SchemaRules.Run(files)
            .Select(d => ToFinding(d, workingDirectory))
            .Distinct()
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The folder whose schema files are read around one file: the file's own folder, widened to hold every schema
    /// file its <c>$ref</c>s (and <c>x-stagehand-mirrors</c>/<c>-requestFor</c>) lead to, followed from file to file.
    /// </summary>
    private static string FolderAround(string file)
    {
        var folders = new List<string> { Path.GetDirectoryName(file)! };
        var seen = new HashSet<string>(StringComparer.Ordinal) { file };
        var pending = new Queue<string>(seen);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            string text;
            try
            {
                text = File.ReadAllText(current);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var target in ReferencedFiles(current, Microsoft.CodeAnalysis.Text.SourceText.From(text)))
            {
                var full = Path.GetFullPath(target);
                if (File.Exists(full) && seen.Add(full))
                {
                    folders.Add(Path.GetDirectoryName(full)!);
                    pending.Enqueue(full);
                }
            }
        }

        var common = SchemaPaths.CommonDirectory(folders.Select(folder => Path.Combine(folder, "x")));
        return common.Length == 0 ? Path.GetPathRoot(file)! : common;
    }

    /// <summary>The schema files a schema file's or an operations file's references name.</summary>
    private static IEnumerable<string> ReferencedFiles(string path, Microsoft.CodeAnalysis.Text.SourceText text)
    {
        if (OperationsFormat.IsOperationsFile(path))
        {
            var operations = OperationsReader.ReadFile(path, text);
            return operations.References().Select(entry => entry.Reference.Ref)
                .Concat(operations.ParameterReferences().Select(entry => entry.Node.Ref!))
                .Select(reference => SchemaPaths.Resolve(path, reference).File)
                .Where(SchemaPaths.IsSchemaFile);
        }

        var document = SchemaReader.ReadFile(path, new SchemaFileSettings(RootNamespace, SchemaMode.Contract, null), text);
        return document.Root is null ? [] : SchemaWalker.ReferencedFiles(path, document.Root);
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

    /// <summary>A diagnostic as a finding, its path shown relative to <paramref name="workingDirectory"/> when below it.</summary>
    internal static CheckFinding ToFinding(Diagnostic diagnostic, string workingDirectory)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new CheckFinding(
            Rules.Find(diagnostic.Id),
            diagnostic.Severity,
            DisplayPath(span.Path, workingDirectory),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>The namespace a build gives a file below <paramref name="root"/> (see <see cref="SchemaFiles.NamespaceFor"/>).</summary>
    public static string NamespaceFor(string root, string file) => SchemaFiles.NamespaceFor(root, file, RootNamespace);
}
