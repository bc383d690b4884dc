using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Benchmarks.Roslyn;
using Stagehand.Contracts;
using Stagehand.Generators;

namespace Stagehand.Benchmarks;

/// <summary>
/// What a keyword that adds validation (and leaves the C# type as it is) costs: the same valid document, an object of
/// eight members and an array of eight strings, validated by the generated reader of a plain schema (the baseline) and
/// of the same schema plus one keyword. The validators are generated and compiled in memory at setup, in validator
/// mode, exactly as a project's schema files would be.
/// </summary>
[MemoryDiagnoser]
public class KeywordCostBenchmarks
{
    private const string Members = """
        "id": { "type": "string" }, "name": { "type": "string" }, "kind": { "enum": ["a", "b", "c"] },
        "count": { "type": "integer", "minimum": 0 }, "price": { "type": "number" }, "active": { "type": "boolean" },
        "note": { "type": ["string", "null"] }, "tags": { "type": "array", "items": { "type": "string" } }
        """;

    /// <summary>The schemas, by name: the plain one, then each with one keyword more.</summary>
    public static readonly IReadOnlyDictionary<string, string> Schemas = new Dictionary<string, string>
    {
        ["Plain"] = "{ \"type\": \"object\", \"properties\": { " + Members + " } }",
        ["UnevaluatedProperties"] = "{ \"type\": \"object\", \"properties\": { " + Members + " }, \"unevaluatedProperties\": false }",
        ["UnevaluatedThroughAllOf"] = "{ \"type\": \"object\", \"allOf\": [ { \"properties\": { " + Members + " } } ], \"unevaluatedProperties\": false }",
        ["PatternProperties"] = "{ \"type\": \"object\", \"properties\": { " + Members + " }, \"patternProperties\": { \"^x-\": { \"type\": \"string\" } } }",
        ["DependentRequired"] = "{ \"type\": \"object\", \"properties\": { " + Members + " }, \"dependentRequired\": { \"price\": [\"count\"] } }",
        ["IfThenElse"] = "{ \"type\": \"object\", \"properties\": { " + Members + " }, \"if\": { \"properties\": { \"kind\": { \"const\": \"a\" } } }, \"then\": { \"required\": [\"price\"] }, \"else\": { \"required\": [\"note\"] } }",
        ["Not"] = "{ \"type\": \"object\", \"properties\": { " + Members + " }, \"not\": { \"required\": [\"forbidden\"] } }",
        ["UniqueItems"] = "{ \"type\": \"object\", \"properties\": { " + Members.Replace("\"items\": { \"type\": \"string\" }", "\"items\": { \"type\": \"string\" }, \"uniqueItems\": true", StringComparison.Ordinal) + " } }",
        ["Contains"] = "{ \"type\": \"object\", \"properties\": { " + Members.Replace("\"items\": { \"type\": \"string\" }", "\"items\": { \"type\": \"string\" }, \"contains\": { \"const\": \"t7\" }", StringComparison.Ordinal) + " } }",
    };

    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        "{\"id\":\"7f2c\",\"name\":\"widget\",\"kind\":\"a\",\"count\":12,\"price\":9.5,\"active\":true,\"note\":null," +
        "\"tags\":[\"t0\",\"t1\",\"t2\",\"t3\",\"t4\",\"t5\",\"t6\",\"t7\"]}");

    private readonly Dictionary<string, ValidateFunc> _validators = new(StringComparer.Ordinal);

    /// <summary>A generated validator's entry point.</summary>
    public delegate ValidationResult ValidateFunc(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options);

    [GlobalSetup]
    public void Setup()
    {
        foreach (var (name, validator) in Compile())
        {
            _validators[name] = validator;
        }
    }

    /// <summary>Generates and compiles a validator for each of <see cref="Schemas"/>; checks each accepts the document.</summary>
    public static IEnumerable<(string Name, ValidateFunc Validator)> Compile()
    {
        const string Namespace = "KeywordCost";
        var files = Schemas.Select(s => (AdditionalText)new SchemaText("/keywords/" + s.Key + ".schema.json", SourceText.From(s.Value))).ToImmutableArray();
        var perFile = files.ToDictionary(
            f => f.Path,
            _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.StagehandNamespace"] = Namespace,
                ["build_metadata.AdditionalFiles.StagehandSchemaMode"] = "validator",
            });
        var options = new OptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = Namespace }, perFile);
        var compilation = CSharpCompilation.Create(
            Namespace,
            [],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(ContractJson).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], files, new CSharpParseOptions(LanguageVersion.Latest), options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics));
        }

        using var stream = new MemoryStream();
        var emit = generated.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        var assembly = Assembly.Load(stream.ToArray());
        foreach (var name in Schemas.Keys)
        {
            var method = assembly.GetType(Namespace + "." + name + "Schema")!.GetMethod("Validate")!;
            var validator = method.CreateDelegate<ValidateFunc>();
            var result = validator(Document, null);
            if (!result.IsValid)
            {
                throw new InvalidOperationException(name + " rejects the benchmark document: " + result);
            }

            yield return (name, validator);
        }
    }

    [Benchmark(Baseline = true, Description = "Plain object")]
    public bool Plain() => _validators["Plain"](Document, null).IsValid;

    [Benchmark(Description = "+ unevaluatedProperties: false")]
    public bool UnevaluatedProperties() => _validators["UnevaluatedProperties"](Document, null).IsValid;

    [Benchmark(Description = "+ unevaluatedProperties: false, members in allOf")]
    public bool UnevaluatedThroughAllOf() => _validators["UnevaluatedThroughAllOf"](Document, null).IsValid;

    [Benchmark(Description = "+ patternProperties")]
    public bool PatternProperties() => _validators["PatternProperties"](Document, null).IsValid;

    [Benchmark(Description = "+ dependentRequired")]
    public bool DependentRequired() => _validators["DependentRequired"](Document, null).IsValid;

    [Benchmark(Description = "+ if/then/else")]
    public bool IfThenElse() => _validators["IfThenElse"](Document, null).IsValid;

    [Benchmark(Description = "+ not")]
    public bool Not() => _validators["Not"](Document, null).IsValid;

    [Benchmark(Description = "+ uniqueItems (8 items)")]
    public bool UniqueItems() => _validators["UniqueItems"](Document, null).IsValid;

    [Benchmark(Description = "+ contains (8 items)")]
    public bool Contains() => _validators["Contains"](Document, null).IsValid;
}
