using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Hands every analyzer of a compilation the same <see cref="SchemaSet"/>. Each schema text is parsed once per
/// <see cref="SourceText"/> (a <see cref="ConditionalWeakTable{TKey,TValue}"/>), and the set is built once per
/// distinct set of texts: the IDE makes a new compilation for every edit of a C# file, but the schema texts stay the
/// same objects, so the set is reused.
/// </summary>
internal static class SchemaSetCache
{
    private const int Capacity = 4;

    private static readonly ConditionalWeakTable<SourceText, ParsedText> Parsed = new();
    private static readonly object Gate = new();
    private static readonly object ParseGate = new();
    private static readonly LinkedList<Entry> Recent = new();

    /// <summary>The schema set of the compilation whose options are <paramref name="options"/>.</summary>
    public static SchemaSet Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var inputs = ReadInputs(options, cancellationToken);
        if (inputs.IsEmpty)
        {
            return SchemaSet.Empty;
        }

        Lazy<SchemaSet> lazy;
        lock (Gate)
        {
            lazy = FindOrAdd(inputs);
        }

        return lazy.Value;
    }

    private static Lazy<SchemaSet> FindOrAdd(ImmutableArray<Input> inputs)
    {
        for (var node = Recent.First; node is not null; node = node.Next)
        {
            if (SameInputs(node.Value.Inputs, inputs))
            {
                Recent.Remove(node);
                Recent.AddFirst(node);
                return node.Value.Set;
            }
        }

        var set = new Lazy<SchemaSet>(() => BuildSet(inputs), LazyThreadSafetyMode.ExecutionAndPublication);
        Recent.AddFirst(new Entry(inputs, set));
        while (Recent.Count > Capacity)
        {
            Recent.RemoveLast();
        }

        return set;
    }

    private static bool SameInputs(ImmutableArray<Input> left, ImmutableArray<Input> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Path, right[i].Path, StringComparison.Ordinal)
                || left[i].Settings != right[i].Settings
                || !ReferenceEquals(left[i].Text, right[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<Input> ReadInputs(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<Input>.Builder? inputs = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!SchemaPaths.IsSchemaFile(file.Path))
            {
                continue;
            }

            var settings = SchemaFileSettings.FromOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions, options.AnalyzerConfigOptionsProvider.GetOptions(file));
            inputs ??= ImmutableArray.CreateBuilder<Input>();
            inputs.Add(new Input(file.Path, settings, file.GetText(cancellationToken)));
        }

        return inputs?.ToImmutable() ?? ImmutableArray<Input>.Empty;
    }

    private static SchemaSet BuildSet(ImmutableArray<Input> inputs)
    {
        var documents = ImmutableArray.CreateBuilder<(string, SchemaDocument)>(inputs.Length);
        foreach (var input in inputs)
        {
            documents.Add((input.Path, Parse(input)));
        }

        return SchemaSet.Build(documents.MoveToImmutable(), CancellationToken.None);
    }

    private static SchemaDocument Parse(Input input)
    {
        if (input.Text is null)
        {
            return SchemaReader.ReadFile(input.Path, input.Settings, null);
        }

        lock (ParseGate)
        {
            if (Parsed.TryGetValue(input.Text, out var cached) && cached.Path == input.Path && cached.Settings == input.Settings)
            {
                return cached.Document;
            }

            var document = SchemaReader.ReadFile(input.Path, input.Settings, input.Text);
            Parsed.Remove(input.Text);
            Parsed.Add(input.Text, new ParsedText(input.Path, input.Settings, document));
            return document;
        }
    }

    private sealed record Input(string Path, SchemaFileSettings Settings, SourceText? Text);

    private sealed record Entry(ImmutableArray<Input> Inputs, Lazy<SchemaSet> Set);

    private sealed class ParsedText
    {
        public ParsedText(string path, SchemaFileSettings settings, SchemaDocument document)
        {
            Path = path;
            Settings = settings;
            Document = document;
        }

        public string Path { get; }

        public SchemaFileSettings Settings { get; }

        public SchemaDocument Document { get; }
    }
}
