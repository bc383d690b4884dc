using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;

namespace Stagehand.Generators;

/// <summary>
/// Turns every <c>*.schema.json</c> additional file into strict C# contract types. Schema files are parsed one by
/// one; references are resolved over the whole set; each file's types are emitted from a value-equal model, so
/// an edit regenerates only the files whose model changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractsGenerator : IIncrementalGenerator
{
    internal const string NamespaceMetadata = SchemaFileSettings.NamespaceMetadata;
    internal const string RootNamespaceProperty = SchemaFileSettings.RootNamespaceProperty;

    /// <summary>The keyword of a problem that is the generator's own failure, not the schema's.</summary>
    private const string GeneratorFailure = ContractModelBuilder.BuilderFailure;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static file => SchemaPaths.IsSchemaFile(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var documents = inputs
            .Select(static (input, cancellationToken) => Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedSchemas);

        var results = documents
            .Collect()
            .WithTrackingName(TrackingNames.AllSchemas)
            .SelectMany(static (all, cancellationToken) => ContractModelBuilder.BuildOrReport(all, cancellationToken))
            .WithTrackingName(TrackingNames.BuildResults);

        var files = results
            .SelectMany(static (result, _) => result.File is null ? ImmutableArray<ContractFile>.Empty : ImmutableArray.Create(result.File))
            .WithTrackingName(TrackingNames.ContractFiles);

        // Every problem of a schema that produced no C# is reported here, by the generator: a build shows generator
        // diagnostics even when C# that uses the missing type does not compile (CS0246), and analyzers do not run
        // then. The analyzers mirror the problem onto C# types, and do not report it again in the schema file.
        var problems = results
            .Select(static (result, _) => result.File is null ? result.Problems.Where(static problem => !problem.IsNote).ToEquatableArray() : EquatableArray<SchemaProblem>.Empty)
            .WithTrackingName(TrackingNames.SchemaProblems);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SchemaFileSettings.RootNamespaceOrFallback(options.GlobalOptions.TryGetValue(RootNamespaceProperty, out var root) ? root : null))
            .WithTrackingName(TrackingNames.RootNamespace);

        // Emitting is a step of its own, so that a file the emitter fails on is left out of the registry too.
        var emitted = files
            .Select(static (file, _) => Emit(file))
            .WithTrackingName(TrackingNames.EmittedSources);

        var registry = emitted
            .Where(static source => source.Text is not null)
            .Select(static (source, _) => source.File)
            .Collect()
            .Combine(rootNamespace)
            .Select(static (pair, _) => BuildRegistry(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(emitted, static (production, source) => AddSource(production, source));
        context.RegisterSourceOutput(registry, static (production, model) =>
        {
            if (!model.Entries.IsEmpty)
            {
                production.AddSource(RegistryEmitter.HintName, SourceText.From(RegistryEmitter.Emit(model), System.Text.Encoding.UTF8));
            }
        });
        context.RegisterSourceOutput(problems, static (production, list) =>
        {
            foreach (var problem in list)
            {
                production.ReportDiagnostic(InvalidSchemaRule.Create(problem));
            }
        });
    }

    private static RegistryModel BuildRegistry(ImmutableArray<ContractFile> files, string rootNamespace)
    {
        var contractFiles = files.Where(file => file.Mode == SchemaMode.Contract).ToList();
        var typed = contractFiles
            .SelectMany(file => file.Types.Select(type => (File: file, Type: type)))
            .Where(item => item.Type.Reader is not null)
            .Select(item => new RegistryEntry(item.Type.Type.Name, item.Type.Type.FullName, item.Type.Type, item.Type.Visibility, item.File.SchemaPath, ReaderCall(item.File, item.Type.Reader!)));
        var values = contractFiles
            .Where(file => file.RootType is null)
            .Select(file => (File: file, Root: file.Nodes.FirstOrDefault(n => n.Method == ContractModelBuilder.RootReader)))
            .Where(item => item.Root is not null && !item.Root.Value.Nullable)
            .Select(item => new RegistryEntry(item.File.SchemaClass.Substring(0, item.File.SchemaClass.Length - GeneratedMemberNames.SchemaClassSuffix.Length), item.Root!.Value.Text, null, item.File.Visibility, item.File.SchemaPath, ReaderCall(item.File, item.Root.Method), item.Root.Shape));
        var entries = typed.Concat(values).OrderBy(entry => entry.Name, StringComparer.Ordinal);
        return new RegistryModel(rootNamespace, entries.ToEquatableArray());
    }

    private static string ReaderCall(ContractFile file, string method) => "global::" + file.Namespace + "." + file.SchemaClass + "." + method;

    private static EmittedSource Emit(ContractFile file)
    {
        try
        {
            return new EmittedSource(file, ContractEmitter.Emit(file), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmittedSource(file, null, "The generator could not write C# for this schema (" + exception.GetType().Name + ": " + exception.Message + "); please report this with the schema.");
        }
    }

    private static void AddSource(SourceProductionContext production, EmittedSource source)
    {
        if (source.Text is null)
        {
            var location = new LocationInfo(source.File.SourcePath, 0, 0, 0, 0, 0, 0);
            production.ReportDiagnostic(InvalidSchemaRule.Create(new SchemaProblem(GeneratorFailure, source.Failure!, location)));
            return;
        }

        // X.g.cs holds the types and their API; X.Reader.g.cs the reader class (alone in X.g.cs for a file with no type).
        if (source.Text.Types is null)
        {
            production.AddSource(source.File.HintName, SourceText.From(source.Text.Readers, System.Text.Encoding.UTF8));
            return;
        }

        production.AddSource(source.File.HintName, SourceText.From(source.Text.Types, System.Text.Encoding.UTF8));
        production.AddSource(ContractModelBuilder.ReaderHintName(source.File.HintName), SourceText.From(source.Text.Readers, System.Text.Encoding.UTF8));
    }

    private static SchemaInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        return new SchemaInput(file.Path, SchemaFileSettings.FromOptions(options.GlobalOptions, options.GetOptions(file)), file.GetText(cancellationToken)?.ToString());
    }

    private static SchemaDocument Parse(SchemaInput input, CancellationToken cancellationToken) =>
        SchemaReader.ReadFile(input.Path, input.Settings, input.Text is null ? null : SourceText.From(input.Text), cancellationToken);
}
