using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Stagehand.Conformance.Tests;

/// <summary>
/// The two generator runs of a draft: the required files, with <c>format</c> an annotation, and the
/// <c>optional/format/</c> files, with format assertion switched on.
/// </summary>
public enum SuiteRun
{
    Required,
    Format,
}

/// <summary>One group of the official suite: a schema and the instances it must accept or reject.</summary>
/// <param name="Id">The stem of the group's schema file, a C# identifier unique in its run (<c>anyOf_0</c>).</param>
/// <param name="File">The suite file, relative to <c>tests/&lt;draft&gt;/</c>, with forward slashes (<c>optional/format/email.json</c>).</param>
/// <param name="Index">The group's place in its file.</param>
internal sealed record SuiteGroup(string Id, string File, int Index, string Description, string SchemaText, IReadOnlyList<SuiteCase> Cases);

internal sealed record SuiteCase(int Index, string Description, byte[] Data, bool Valid);

/// <summary>
/// A document of the suite's <c>remotes/</c> folder, which the suite says is served at <paramref name="Uri"/>: the tests
/// give it to the generator as one more schema file, never over a network.
/// </summary>
/// <param name="Relative">Its path below <c>remotes/</c>, with forward slashes.</param>
internal sealed record SuiteRemote(string Relative, string Uri, string Text);

/// <summary>Reads one draft's part of the official JSON Schema test suite from <c>../shared</c>.</summary>
internal static class TestSuite
{
    /// <summary>The drafts the suite has and the generator reads (each file names its dialect, or the project default does).</summary>
    public static readonly string[] Drafts = ["draft2020-12", "draft2019-09", "draft7"];

    /// <summary>Where the suite says its remotes are served.</summary>
    public const string RemotesBase = "http://localhost:1234/";

    /// <summary>The folder of <c>optional/</c> files that run, in a generator run of their own (<see cref="SuiteRun.Format"/>).</summary>
    public const string FormatFolder = "optional/format/";

    /// <summary>
    /// The folders of <c>remotes/</c>, besides a draft's own folder and the top-level files, that hold documents any
    /// draft can read. <c>v1</c>, <c>draft3</c>, <c>draft4</c> and <c>draft6</c> are written in other dialects and are
    /// never given to the generator.
    /// </summary>
    private static readonly string[] SharedRemoteFolders = ["baseUriChange", "baseUriChangeFolder", "baseUriChangeFolderInSubschema", "nested"];

    private static readonly ConcurrentDictionary<(string Draft, SuiteRun Run), Lazy<IReadOnlyList<SuiteGroup>>> Loaded = new();

    public static string RepositoryRoot => TestRepository.Root;

    public static string Folder => TestRepository.JsonSchemaTestSuite;

    public static bool IsPresent => Directory.Exists(Folder);

    /// <summary>The run a suite file belongs to.</summary>
    public static SuiteRun RunOf(string file) => file.StartsWith(FormatFolder, StringComparison.Ordinal) ? SuiteRun.Format : SuiteRun.Required;

    /// <summary>
    /// The files of a run, relative to <c>tests/&lt;draft&gt;/</c>, in ordinal order. The required run is every file
    /// below the draft's folder except <c>optional/</c>; the format run is <c>optional/format/*.json</c>. The other
    /// optional files (<c>bignum</c>, <c>ecmascript-regex</c>, <c>non-bmp-regex</c>, <c>float-overflow</c>,
    /// <c>cross-draft</c>, <c>format-assertion</c>, ...) test behaviour the suite itself does not require, and are not run.
    /// </summary>
    public static IReadOnlyList<string> Files(string draft, SuiteRun run)
    {
        var root = Path.Combine(Folder, "tests", draft);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var start = run == SuiteRun.Format ? Path.Combine(root, "optional", "format") : root;
        if (!Directory.Exists(start))
        {
            return [];
        }

        return Directory.EnumerateFiles(start, "*.json", run == SuiteRun.Format ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => run == SuiteRun.Format || !relative.StartsWith("optional/", StringComparison.Ordinal))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every group of a run, read once.</summary>
    public static IReadOnlyList<SuiteGroup> Load(string draft, SuiteRun run) =>
        Loaded.GetOrAdd((draft, run), key => new Lazy<IReadOnlyList<SuiteGroup>>(() => Read(key.Draft, key.Run))).Value;

    public static SuiteGroup Group(string draft, string file, int index) =>
        Load(draft, RunOf(file)).Single(group => group.File == file && group.Index == index);

    /// <summary>
    /// The remotes a draft can read: the top-level files, the draft's own folder, and the folders every draft shares;
    /// each with the URI the suite serves it at.
    /// </summary>
    public static IReadOnlyList<SuiteRemote> Remotes(string draft)
    {
        var root = Path.Combine(Folder, "remotes");
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !relative.Contains('/', StringComparison.Ordinal)
                || relative.StartsWith(draft + "/", StringComparison.Ordinal)
                || SharedRemoteFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal)))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative => new SuiteRemote(relative, RemotesBase + relative, File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
    }

    private static IReadOnlyList<SuiteGroup> Read(string draft, SuiteRun run)
    {
        var groups = new List<SuiteGroup>();
        foreach (var file in Files(draft, run))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "tests", draft, file)));
            var index = 0;
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var caseIndex = 0;
                var cases = group.GetProperty("tests").EnumerateArray()
                    .Select(test => new SuiteCase(
                        caseIndex++,
                        test.GetProperty("description").GetString()!,
                        System.Text.Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText()),
                        test.GetProperty("valid").GetBoolean()))
                    .ToList();
                groups.Add(new SuiteGroup(Identifier(file) + "_" + index, file, index, group.GetProperty("description").GetString()!, group.GetProperty("schema").GetRawText(), cases));
                index++;
            }
        }

        var clash = groups.GroupBy(group => group.Id, StringComparer.Ordinal).FirstOrDefault(same => same.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two groups of {draft} would share the schema file '{clash.Key}': {string.Join(", ", clash.Select(g => g.File))}.");
        }

        return groups;
    }

    /// <summary>A C# identifier for a suite file: <c>optional/format/date-time.json</c> → <c>optional_format_date_time</c>.</summary>
    private static string Identifier(string file) =>
        new(file[..^".json".Length].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
