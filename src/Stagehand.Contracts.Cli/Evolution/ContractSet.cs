using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Contracts.Cli.Checking;
using Stagehand.Contracts.Cli.Commands;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Contracts.Cli.Evolution;

/// <summary>
/// One side of a comparison: the facts of a set of contracts (<see cref="ContractFacts"/>), with contract ids relative to
/// <see cref="Root"/>, read from a folder of schema files, one schema file, a baseline file, or a git commit.
/// </summary>
internal sealed class ContractSet
{
    /// <summary>The prefix of a side read from git: <c>git:REF</c> or <c>git:REF:FOLDER</c>.</summary>
    public const string GitPrefix = "git:";

    /// <summary>The extension of a baseline file.</summary>
    public const string BaselineExtension = ".txt";

    private const string RootNamespace = "Stagehand.Contracts";

    private ContractSet(string label, string root, IReadOnlyList<ContractFact> facts, ContractBaseline? baseline = null, string? commit = null)
    {
        Label = label;
        Root = root;
        Facts = facts;
        Baseline = baseline;
        Commit = commit;
    }

    /// <summary>The side as the user wrote it.</summary>
    public string Label { get; }

    /// <summary>The folder contract ids are relative to (a full path; for git, where that folder is in the work tree).</summary>
    public string Root { get; }

    public IReadOnlyList<ContractFact> Facts { get; }

    /// <summary>The baseline, when the side is one (its version and ignore lines apply).</summary>
    public ContractBaseline? Baseline { get; }

    /// <summary>The commit, when the side was read from git.</summary>
    public string? Commit { get; }

    /// <summary>The ids of the contracts the side holds, in order.</summary>
    public IReadOnlyList<string> Contracts => Facts.Select(f => f.Contract).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="side"/> names a baseline file rather than schemas.</summary>
    public static bool IsBaseline(string side) =>
        !side.StartsWith(GitPrefix, StringComparison.Ordinal) && side.EndsWith(BaselineExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads one side of a comparison. <paramref name="other"/> is the other side: a <c>git:REF</c> with no folder reads
    /// the folder (or file) the other side names, at that commit, in the repository that holds it.
    /// </summary>
    /// <exception cref="ContractInputException">The side cannot be read.</exception>
    public static ContractSet Load(string side, string other)
    {
        if (side.StartsWith(GitPrefix, StringComparison.Ordinal))
        {
            return FromGit(side, other);
        }

        var full = Path.GetFullPath(side);
        if (Directory.Exists(full))
        {
            return FromFolder(side, full, full);
        }

        if (!File.Exists(full))
        {
            throw new ContractInputException($"'{side}' does not exist: give a folder of schema files, one {SchemaPaths.Extension} file, a baseline ({ContractBaseline.FileName}) or git:REF[:FOLDER].");
        }

        if (IsBaseline(full))
        {
            return FromBaseline(side, full);
        }

        if (!SchemaPaths.IsSchemaFile(full))
        {
            throw new ContractInputException($"'{side}' is neither a schema file (*{SchemaPaths.Extension}) nor a baseline (*{BaselineExtension}).");
        }

        var folder = Path.GetDirectoryName(full)!;
        return FromFile(side, full, folder, path => File.Exists(path), ReadDisk);
    }

    /// <summary>The facts of every schema file below <paramref name="folder"/>, with contract ids relative to <paramref name="root"/>.</summary>
    /// <exception cref="ContractInputException">A schema does not parse.</exception>
    public static ContractSet FromFolder(string label, string folder, string root)
    {
        var files = SchemaFiles.Below(folder, RootNamespace);
        var documents = files.Texts.Select(text => Read(text.Path, root, text.GetText())).ToList();
        return new ContractSet(label, root, Extract(label, documents, root, onlyFile: null));
    }

    /// <summary>A baseline file: its facts, version and ignore lines; contract ids are relative to its folder.</summary>
    /// <exception cref="ContractInputException">The file cannot be read, or a line of it does not parse.</exception>
    public static ContractSet FromBaseline(string label, string file)
    {
        var baseline = ReadBaseline(file);
        return new ContractSet(label, Path.GetDirectoryName(file)!, baseline.Facts, baseline);
    }

    /// <summary>Parses a baseline file; every problem is a line <c>path(line): error: message</c>.</summary>
    /// <exception cref="ContractInputException">The file cannot be read, or a line of it does not parse.</exception>
    public static ContractBaseline ReadBaseline(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ContractInputException($"cannot read the baseline '{file}': {exception.Message}");
        }

        var baseline = ContractBaseline.Parse(text);
        if (baseline.Problems.Count > 0)
        {
            var display = CheckCommand.DisplayPath(file, Directory.GetCurrentDirectory());
            throw new ContractInputException(
                $"the baseline '{file}' does not parse ({Count(baseline.Problems.Count, "bad line")}); fix or delete those lines.",
                baseline.Problems.Select(problem => string.Create(CultureInfo.InvariantCulture, $"{display}({problem.Line}): error: {problem.Message}")).ToList());
        }

        return baseline;
    }

    /// <summary>Where a contract's file is (in the work tree for git), for a change that has no schema location.</summary>
    public string FileOf(string contract)
    {
        var hash = contract.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? contract : contract.Substring(0, hash);
        return Path.GetFullPath(Path.Combine(Root, file));
    }

    private static ContractSet FromFile(string label, string file, string root, Func<string, bool> exists, Func<string, SourceText?> read)
    {
        // The file, and every schema file its $refs (and x-stagehand-mirrors/-requestFor) lead to, followed from file to file,
        // so that a reference to another contract is read as one; only the named file's contracts are compared.
        var documents = new List<SchemaDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { SchemaPaths.Normalize(file) };
        var pending = new Queue<string>([file]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            var document = Read(current, root, read(current));
            documents.Add(document);
            if (document.Root is null)
            {
                continue;
            }

            foreach (var target in SchemaWalker.ReferencedFiles(current, document.Root))
            {
                if (exists(target) && seen.Add(SchemaPaths.Normalize(target)))
                {
                    pending.Enqueue(Path.GetFullPath(target));
                }
            }
        }

        return new ContractSet(label, root, Extract(label, documents, root, onlyFile: file));
    }

    private static ContractSet FromGit(string side, string other)
    {
        var rest = side.Substring(GitPrefix.Length);
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var reference = colon < 0 ? rest : rest.Substring(0, colon);
        var stated = colon < 0 ? null : rest.Substring(colon + 1);
        if (reference.Length == 0)
        {
            throw new ContractInputException($"'{side}' names no commit: write git:REF or git:REF:FOLDER (REF a branch, a tag or a commit id).");
        }

        // The repository, and the folder to read: the one stated (relative to the repository's top folder, as in
        // `git show REF:path`), else the one the other side names, else the current folder.
        var otherPath = other.StartsWith(GitPrefix, StringComparison.Ordinal) ? null : Path.GetFullPath(other);
        var anchor = otherPath is not null && File.Exists(otherPath) && IsBaseline(otherPath) ? Path.GetDirectoryName(otherPath)! : otherPath;
        var near = anchor is not null && (Directory.Exists(anchor) || File.Exists(anchor)) ? anchor : Directory.GetCurrentDirectory();
        var repository = GitRepository.Containing(Directory.Exists(near) ? near : Path.GetDirectoryName(near)!);
        var commit = repository.ResolveCommit(reference)
            ?? throw new ContractInputException($"'{side}': '{reference}' is not a commit, branch or tag of the git repository at '{repository.Top}'.");

        string relative;
        if (stated is not null)
        {
            relative = SchemaPaths.Normalize(stated);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(stated))
            {
                throw new ContractInputException($"'{side}': the folder must be a path inside the repository, relative to its top folder '{repository.Top}'.");
            }
        }
        else
        {
            var inside = Path.GetRelativePath(repository.Top, near);
            if (Path.IsPathRooted(inside) || inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ContractInputException($"'{side}': '{near}' is not inside the git repository at '{repository.Top}'; write git:REF:FOLDER.");
            }

            relative = inside == "." ? string.Empty : SchemaPaths.Normalize(inside);
        }

        var files = repository.Files(commit);
        var byPath = files.ToDictionary(path => Path.GetFullPath(Path.Combine(repository.Top, path)), path => path, StringComparer.Ordinal);
        var normalized = new HashSet<string>(byPath.Keys.Select(SchemaPaths.Normalize), StringComparer.Ordinal);
        SourceText? ReadAtCommit(string path) =>
            byPath.TryGetValue(Path.GetFullPath(path), out var inTree) ? SourceText.From(repository.Read(commit, inTree)) : null;

        var target = Path.GetFullPath(Path.Combine(repository.Top, relative));
        if (files.Contains(relative, StringComparer.Ordinal))
        {
            if (!SchemaPaths.IsSchemaFile(relative))
            {
                throw new ContractInputException($"'{side}': '{relative}' is not a schema file (*{SchemaPaths.Extension}).");
            }

            var set = FromFile(side, target, Path.GetDirectoryName(target)!, path => normalized.Contains(SchemaPaths.Normalize(Path.GetFullPath(path))), ReadAtCommit);
            return new ContractSet(side, set.Root, set.Facts, commit: commit);
        }

        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        var below = files.Where(path => path.StartsWith(prefix, StringComparison.Ordinal) && SchemaPaths.IsSchemaFile(path)).OrderBy(path => path, StringComparer.Ordinal).ToList();
        if (below.Count == 0 && !files.Any(path => path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new ContractInputException($"'{side}': there is no '{(relative.Length == 0 ? "." : relative)}' in {reference} ({commit.Substring(0, Math.Min(12, commit.Length))}).");
        }

        var documents = below.Select(path =>
        {
            var full = Path.GetFullPath(Path.Combine(repository.Top, path));
            return Read(full, target, SourceText.From(repository.Read(commit, path)));
        }).ToList();
        return new ContractSet(side, target, Extract(side, documents, target, onlyFile: null), commit: commit);
    }

    /// <summary>Reads one schema file with the settings a build gives it (its namespace from its folder below <paramref name="root"/>).</summary>
    private static SchemaDocument Read(string path, string root, SourceText? text) =>
        SchemaReader.ReadFile(path, SchemaFileSettings.Resolve(SchemaFiles.NamespaceFor(root, path, RootNamespace), null, RootNamespace), text);

    private static SourceText? ReadDisk(string path)
    {
        try
        {
            return SourceText.From(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The facts of <paramref name="documents"/>; the problems of schemas that do not parse, as STH0004 lines, if any.</summary>
    private static IReadOnlyList<ContractFact> Extract(string label, IReadOnlyList<SchemaDocument> documents, string root, string? onlyFile)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var problems = documents
            .SelectMany(document => document.Problems.Items.Where(problem => !problem.IsNote))
            .Select(problem => CheckCommand.ToFinding(InvalidSchemaRule.Create(problem), workingDirectory))
            .Distinct()
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ToList();
        if (problems.Count > 0)
        {
            throw new ContractInputException(
                $"'{label}' has schemas that do not parse ({Count(problems.Count, "problem")}); 'stagehand-contracts check' lists every problem.",
                problems.Select(problem => problem.ToMSBuildLine()).ToList());
        }

        var facts = ContractFacts.Extract(documents, root);
        if (onlyFile is null)
        {
            return facts;
        }

        var id = SchemaPaths.RelativeTo(root, onlyFile);
        return facts.Where(fact => fact.Contract == id || fact.Contract.StartsWith(id + "#", StringComparison.Ordinal)).ToList();
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
