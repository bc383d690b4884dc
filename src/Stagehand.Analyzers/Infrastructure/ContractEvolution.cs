using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;
using Stagehand.Schema.Evolution;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// One contract baseline of a compilation (an additional file named <c>Contracts.Shipped.txt</c>) compared with the
/// schema files below its folder: the facts those schemas state now, the changes since the baseline that no ignore line
/// accepts, and the bump they need. The contract rules (STH0008 to STH0012) and the code fix that accepts a change all
/// read it from here; it is computed once per baseline text and schema set, whichever asks first.
/// </summary>
internal sealed class ContractEvolution
{
    private const string CacheKey = "Evolution.Baselines";

    private const string FactsKey = "Evolution.Facts:";

    private readonly Dictionary<string, int> _firstLineOfContract = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Contract, string Path, string Aspect), int> _firstLineOfFact = new();
    private readonly Lazy<Dictionary<string, ImmutableArray<(ContractChange Change, Location Location)>>> _byFile;

    private ContractEvolution(string baselinePath, SourceText baselineText, SchemasBelow schemas)
    {
        BaselinePath = baselinePath;
        BaselineText = baselineText;
        Root = schemas.Root;
        Files = schemas.Files;
        Baseline = ContractBaseline.Parse(baselineText.ToString());
        Current = schemas.Facts;
        IndexLines();

        if (Baseline.Problems.Count > 0)
        {
            // A baseline read in part would report every fact it lost as a change: only its problems (STH0012) are told.
            Changes = ImmutableArray<ContractChange>.Empty;
        }
        else
        {
            // A schema that does not read (STH0004) would show as a removed contract: its problems are told instead.
            var broken = Files.Where(f => f.Root is null || !f.Errors.IsEmpty).Select(f => SchemaPaths.RelativeTo(Root, f.Path)).ToList();
            Changes = Baseline.Compare(Current).Changes
                .Where(c => !broken.Any(id => c.Contract == id || c.Contract.StartsWith(id + "#", StringComparison.Ordinal)))
                .ToImmutableArray();
            Required = ContractDiff.RequiredBump(Changes);
        }

        _byFile = new Lazy<Dictionary<string, ImmutableArray<(ContractChange, Location)>>>(GroupByFile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The baseline's path, as the build gave it.</summary>
    public string BaselinePath { get; }

    public SourceText BaselineText { get; }

    public ContractBaseline Baseline { get; }

    /// <summary>The baseline's folder (normalized): contract ids are relative to it.</summary>
    public string Root { get; }

    /// <summary>The schema files below <see cref="Root"/>, the ones the baseline speaks for.</summary>
    public ImmutableArray<SchemaFile> Files { get; }

    /// <summary>What the schema files state now, one fact per baseline line.</summary>
    public IReadOnlyList<ContractFact> Current { get; }

    /// <summary>The changes since the baseline that no ignore line accepts; none while the baseline has problems.</summary>
    public ImmutableArray<ContractChange> Changes { get; }

    /// <summary>The bump <see cref="Changes"/> need (ignored ones aside).</summary>
    public VersionBump Required { get; }

    /// <summary>The line (1-based) of the baseline's <c>version</c> line, when it has one.</summary>
    public int? VersionLine { get; private set; }

    /// <summary>The baselines of the compilation whose options are <paramref name="options"/>, each compared with its schemas.</summary>
    public static ImmutableArray<ContractEvolution> Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<ContractEvolution>.Builder? result = null;
        SchemaSet? schemas = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsBaseline(file.Path) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            schemas ??= SchemaAnalysis.GetSchemas(options, cancellationToken);
            var cache = schemas.GetOrAdd(CacheKey, static _ => new Cache());
            result ??= ImmutableArray.CreateBuilder<ContractEvolution>();
            result.Add(cache.Get(schemas, file.Path, text));
        }

        return result?.ToImmutable() ?? ImmutableArray<ContractEvolution>.Empty;
    }

    /// <summary>Whether an additional file is a contract baseline: its name is <see cref="ContractBaseline.FileName"/>.</summary>
    public static bool IsBaseline(string path) =>
        string.Equals(SchemaPaths.FileName(path), ContractBaseline.FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Calls <paramref name="report"/> for every additional file (schema or baseline) with the changes each baseline of the
    /// compilation reports in it, at the place each is reported.
    /// </summary>
    public static void RegisterChangeAction(
        CompilationStartAnalysisContext context,
        Action<AdditionalFileAnalysisContext, ContractEvolution, ContractChange, Location> report)
    {
        var evolutions = Get(context.Options, context.CancellationToken);
        if (evolutions.IsEmpty)
        {
            return;
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            foreach (var evolution in evolutions)
            {
                foreach (var (change, location) in evolution.ChangesIn(fileContext.AdditionalFile.Path))
                {
                    report(fileContext, evolution, change, location);
                }
            }
        });
    }

    /// <summary>The changes reported in the file at <paramref name="path"/>, each with its place there.</summary>
    public ImmutableArray<(ContractChange Change, Location Location)> ChangesIn(string path) =>
        _byFile.Value.TryGetValue(path, out var changes) ? changes : ImmutableArray<(ContractChange, Location)>.Empty;

    /// <summary>Where a change is reported: at the schema token that changed, else at the baseline line of what it is about.</summary>
    public Location LocationOf(ContractChange change)
    {
        if (change.Location is { } location && Files.Any(f => f.OriginalPath == location.FilePath))
        {
            // A schema that spans lines (an object whose required list changed) is marked at its first character.
            return (location.StartLine == location.EndLine ? location : location.FirstCharacter()).ToLocation();
        }

        var line = _firstLineOfFact.TryGetValue((change.Contract, change.Path, change.Aspect), out var exact) ? exact
            : _firstLineOfContract.TryGetValue(change.Contract, out var first) ? first
            : VersionLine ?? 1;
        return LineLocation(line);
    }

    /// <summary>The whole of a baseline line (1-based), as a location in the baseline file.</summary>
    public Location LineLocation(int line)
    {
        var lines = BaselineText.Lines;
        var textLine = lines[Math.Max(0, Math.Min(line - 1, lines.Count - 1))];
        return Location.Create(BaselinePath, textLine.Span, lines.GetLinePositionSpan(textLine.Span));
    }

    /// <summary>What a change's diagnostic carries for tools and for the code fix that accepts it.</summary>
    public ImmutableDictionary<string, string?> PropertiesOf(ContractChange change) =>
        ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, string?>(ContractChangeProperties.Kind, change.Kind),
            new KeyValuePair<string, string?>(ContractChangeProperties.Direction, ContractDirections.Name(change.Direction)),
            new KeyValuePair<string, string?>(ContractChangeProperties.Bump, BumpName(change.Bump)),
            new KeyValuePair<string, string?>(ContractChangeProperties.Contract, change.Contract),
            new KeyValuePair<string, string?>(ContractChangeProperties.Path, change.Path),
            new KeyValuePair<string, string?>(ContractChangeProperties.Aspect, change.Aspect),
            new KeyValuePair<string, string?>(ContractChangeProperties.Witness, change.Witness),
            new KeyValuePair<string, string?>(ContractChangeProperties.Baseline, BaselinePath),
        });

    /// <summary>The change a diagnostic's properties name, among the current changes; null when it is no longer there.</summary>
    public ContractChange? Find(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(ContractChangeProperties.Contract, out var contract)
        && properties.TryGetValue(ContractChangeProperties.Path, out var path)
        && properties.TryGetValue(ContractChangeProperties.Aspect, out var aspect)
            ? Changes.FirstOrDefault(c => c.Contract == contract && c.Path == path && c.Aspect == aspect)
            : null;

    /// <summary>The bump's name as messages and properties write it: <c>major</c>, <c>minor</c>, <c>patch</c>.</summary>
    public static string BumpName(VersionBump bump) => bump switch
    {
        VersionBump.Major => "major",
        VersionBump.Minor => "minor",
        VersionBump.Patch => "patch",
        _ => "none",
    };

    private Dictionary<string, ImmutableArray<(ContractChange, Location)>> GroupByFile()
    {
        var byFile = new Dictionary<string, ImmutableArray<(ContractChange, Location)>.Builder>(StringComparer.Ordinal);
        foreach (var change in Changes)
        {
            var location = LocationOf(change);
            var path = location.GetLineSpan().Path;
            if (!byFile.TryGetValue(path, out var list))
            {
                byFile[path] = list = ImmutableArray.CreateBuilder<(ContractChange, Location)>();
            }

            list.Add((change, location));
        }

        return byFile.ToDictionary(pair => pair.Key, pair => pair.Value.ToImmutable(), StringComparer.Ordinal);
    }

    /// <summary>Where each contract's first fact, each fact and the version are written in the baseline (1-based lines).</summary>
    private void IndexLines()
    {
        var lines = BaselineText.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].ToString().Split('\t');
            if (parts[0] == "version" && parts.Length == 2)
            {
                VersionLine ??= i + 1;
            }
            else if (parts.Length == 4 && parts[0].Length > 0 && !parts[0].StartsWith("#", StringComparison.Ordinal))
            {
                if (!_firstLineOfContract.ContainsKey(parts[0]))
                {
                    _firstLineOfContract[parts[0]] = i + 1;
                }

                if (!_firstLineOfFact.ContainsKey((parts[0], parts[1], parts[2])))
                {
                    _firstLineOfFact[(parts[0], parts[1], parts[2])] = i + 1;
                }
            }
        }
    }

    /// <summary>The comparisons of one schema set, by baseline text (the same text object while the file is unchanged).</summary>
    private sealed class Cache
    {
        private readonly ConditionalWeakTable<SourceText, Entry> _entries = new();

        public ContractEvolution Get(SchemaSet schemas, string path, SourceText text)
        {
            var entry = _entries.GetValue(text, static _ => new Entry());
            lock (entry)
            {
                if (entry.Evolution is null || entry.Evolution.BaselinePath != path)
                {
                    entry.Evolution = Compute(schemas, path, text);
                }

                return entry.Evolution;
            }
        }

        private static ContractEvolution Compute(SchemaSet schemas, string path, SourceText text)
        {
            // The facts depend on the schemas and the folder only: an edit of the baseline does not read them again.
            var root = SchemaPaths.Directory(path);
            return new ContractEvolution(path, text, schemas.GetOrAdd(FactsKey + root, set => new SchemasBelow(set, root)));
        }

        private sealed class Entry
        {
            public ContractEvolution? Evolution { get; set; }
        }
    }
}

/// <summary>The schema files below a baseline's folder, and the facts they state, contract ids relative to that folder.</summary>
internal sealed class SchemasBelow
{
    public SchemasBelow(SchemaSet schemas, string root)
    {
        Root = root;
        var prefix = root.Length == 0 ? string.Empty : root + "/";
        Files = schemas.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToImmutableArray();
        Facts = ContractFacts.Extract(Files.Select(f => f.Document).ToList(), root);
    }

    public string Root { get; }

    public ImmutableArray<SchemaFile> Files { get; }

    public IReadOnlyList<ContractFact> Facts { get; }
}

/// <summary>The properties a contract change's diagnostic (STH0008, STH0009, STH0011) carries.</summary>
internal static class ContractChangeProperties
{
    /// <summary>The change's kind, as <c>docs/rules</c> name it (<c>required-member-removed</c>).</summary>
    public const string Kind = "Kind";

    /// <summary>Which way the contract travels: <c>request</c>, <c>response</c> or <c>both</c>.</summary>
    public const string Direction = "Direction";

    /// <summary>The version bump the change needs: <c>major</c>, <c>minor</c> or <c>patch</c>.</summary>
    public const string Bump = "Bump";

    /// <summary>The contract's id: its file below the baseline's folder, plus <c>#/$defs/Name</c> for a definition.</summary>
    public const string Contract = "Contract";

    /// <summary>The place in the contract's value (<c>.options.timeout</c>; empty for the value itself).</summary>
    public const string Path = "Path";

    /// <summary>What changed there (<c>member</c>, <c>type</c>, <c>maxLength</c>, ...).</summary>
    public const string Aspect = "Aspect";

    /// <summary>A JSON document that shows the break, when one was found.</summary>
    public const string Witness = "Witness";

    /// <summary>The path of the baseline the change is not in.</summary>
    public const string Baseline = "Baseline";
}
