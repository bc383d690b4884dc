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
    internal const string NamespaceMetadata = "build_metadata.AdditionalFiles.StagehandNamespace";
    internal const string ModeMetadata = "build_metadata.AdditionalFiles.StagehandSchemaMode";
    internal const string RootNamespaceProperty = "build_property.RootNamespace";
    internal const string FallbackNamespace = "Stagehand.Contracts.Generated";

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
            .SelectMany(static (all, cancellationToken) => Build(all, cancellationToken))
            .WithTrackingName(TrackingNames.BuildResults);

        var files = results
            .SelectMany(static (result, _) => result.File is null ? ImmutableArray<ContractFile>.Empty : ImmutableArray.Create(result.File))
            .WithTrackingName(TrackingNames.ContractFiles);

        var problems = results
            .Select(static (result, _) => result.Problems)
            .WithTrackingName(TrackingNames.SchemaProblems);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(RootNamespaceProperty, out var root) && IsValidNamespace(root.Trim()) ? root.Trim() : FallbackNamespace)
            .WithTrackingName(TrackingNames.RootNamespace);

        var registry = files
            .Collect()
            .Combine(rootNamespace)
            .Select(static (pair, _) => BuildRegistry(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(files, static (production, file) => AddSource(production, file));
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
                production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.InvalidSchema, problem.Location.ToLocation(), problem.Keyword, problem.Message));
            }
        });
    }

    private static RegistryModel BuildRegistry(ImmutableArray<ContractFile> files, string rootNamespace)
    {
        var entries = files
            .Where(file => file.Mode == SchemaMode.Contract)
            .SelectMany(file => file.Types.Select(type => (File: file, Type: type, Node: file.Nodes.FirstOrDefault(n => n.OwnType == type.Type))))
            .Where(item => item.Node is not null && item.Node.ValueType == item.Type.Type.FullName)
            .Select(item => new RegistryEntry(item.Type.Type, item.Type.Visibility, item.File.SchemaPath, "global::" + item.File.Namespace + "." + item.File.SchemaClass + "." + item.Node!.Method))
            .OrderBy(entry => entry.Type.FullName, StringComparer.Ordinal);
        return new RegistryModel(rootNamespace, entries.ToEquatableArray());
    }

    private static void AddSource(SourceProductionContext production, ContractFile file)
    {
        string text;
        try
        {
            text = ContractEmitter.Emit(file);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = Location.Create(file.SchemaPath, default, default);
            production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.InvalidSchema, location, "schema", "The generator could not write C# for this schema: " + exception.Message));
            return;
        }

        production.AddSource(file.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
    }

    private static SchemaInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        string? problem = null;
        string @namespace;
        if (fileOptions.TryGetValue(NamespaceMetadata, out var stated) && !string.IsNullOrWhiteSpace(stated))
        {
            @namespace = stated.Trim();
            if (!IsValidNamespace(@namespace))
            {
                problem = $"The StagehandNamespace metadata '{@namespace}' is not a valid C# namespace.";
                @namespace = FallbackNamespace;
            }
        }
        else if (options.GlobalOptions.TryGetValue(RootNamespaceProperty, out var root) && IsValidNamespace(root.Trim()))
        {
            @namespace = root.Trim();
        }
        else
        {
            @namespace = FallbackNamespace;
        }

        var mode = SchemaMode.Contract;
        if (fileOptions.TryGetValue(ModeMetadata, out var statedMode) && !string.IsNullOrWhiteSpace(statedMode))
        {
            switch (statedMode.Trim().ToLowerInvariant())
            {
                case "contract":
                    break;
                case "validator":
                    mode = SchemaMode.Validator;
                    break;
                default:
                    problem = $"The StagehandSchemaMode metadata '{statedMode}' must be 'contract' or 'validator'.";
                    break;
            }
        }

        return new SchemaInput(file.Path, @namespace, file.GetText(cancellationToken)?.ToString(), problem, mode);
    }

    private static bool IsValidNamespace(string name) =>
        name.Length > 0 && name.Split('.').All(Identifiers.IsValid);

    private static SchemaDocument Parse(SchemaInput input, CancellationToken cancellationToken)
    {
        var start = new LocationInfo(input.Path, 0, 0, 0, 0, 0, 0);
        if (input.Text is null)
        {
            var unreadable = new SchemaProblem("json", "The schema file could not be read.", start);
            return new SchemaDocument(SchemaPaths.Normalize(input.Path), input.Namespace, null, ImmutableArray.Create(unreadable).ToEquatableArray());
        }

        SchemaDocument document;
        try
        {
            document = SchemaReader.Read(input.Path, input.Namespace, SourceText.From(input.Text), cancellationToken, input.Mode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = new SchemaProblem("json", "The generator could not read this schema: " + exception.Message, start);
            return new SchemaDocument(SchemaPaths.Normalize(input.Path), input.Namespace, null, ImmutableArray.Create(failure).ToEquatableArray());
        }

        if (input.NamespaceProblem is not null)
        {
            var problems = document.Problems.Items.Add(new SchemaProblem("metadata", input.NamespaceProblem, start));
            document = document with { Problems = problems.ToEquatableArray() };
        }

        return document;
    }

    private static ImmutableArray<ContractBuildResult> Build(ImmutableArray<SchemaDocument> documents, CancellationToken cancellationToken)
    {
        try
        {
            return ContractModelBuilder.Build(documents, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return documents
                .Select(d => new ContractBuildResult(
                    d.Path,
                    null,
                    ImmutableArray.Create(new SchemaProblem("schema", "The generator failed on this set of schemas: " + exception.Message, new LocationInfo(d.Path, 0, 0, 0, 0, 0, 0))).ToEquatableArray()))
                .ToImmutableArray();
        }
    }
}
