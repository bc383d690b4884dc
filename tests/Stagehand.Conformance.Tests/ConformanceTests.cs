using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Contracts;
using Stagehand.Generators;
using Xunit.Abstractions;

namespace Stagehand.Conformance.Tests;

/// <summary>
/// Compiles every schema of the supported keyword files of the official suite, for each draft the generator reads,
/// through the generator, in memory, and runs the generated validators over every case (a draft's schemas are read in
/// that draft, as a project with <c>StagehandDefaultDialect</c> would read them). Cases whose schema uses a keyword the
/// generator does not support are excluded, each with that keyword as its reason, as listed in
/// <c>conformance-exclusions.&lt;draft&gt;.json</c>. Each draft leaves its line in <c>TestResults/conformance.txt</c>.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string Namespace = "Conformance.Suite";
    private static readonly object ResultsGate = new();
    private const string WriteExclusionsVariable = "STAGEHAND_WRITE_EXCLUSIONS";

    public static TheoryData<string> Drafts => new(TestSuite.Drafts);

    [SuiteTheory]
    [MemberData(nameof(Drafts))]
    public void GeneratedValidatorsAgreeWithTheOfficialSuite(string draft)
    {
        var groups = TestSuite.Load(draft);
        var files = groups.Select(g => new SuiteText("/suite/" + g.Id + ".schema.json", g.SchemaText)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            files.CastArray<AdditionalText>(),
            new CSharpParseOptions(LanguageVersion.Latest),
            new SuiteOptions(draft),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));
        var compilation = CSharpCompilation.Create(
            "Conformance.Suite",
            [],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(ContractJson).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);

        // The generator reports every problem of a schema it could not generate (STH0004); those groups are excluded.
        var problems = ModelProblems(files, draft).Where(problem => !problem.IsNote).ToList();
        Assert.All(generatorDiagnostics, d => Assert.Equal("STH0004", d.Id));
        Assert.Equal(problems.Count(), generatorDiagnostics.Length);
        var excludedGroups = problems
            .GroupBy(p => Path.GetFileName(p.Location.FilePath).Replace(".schema.json", string.Empty, StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(Reason).Distinct().OrderBy(k => k, StringComparer.Ordinal)));
        var runnable = groups.Where(g => !excludedGroups.ContainsKey(g.Id)).ToList();

        var dispatcher = CSharpSyntaxTree.ParseText(Dispatcher(runnable), new CSharpParseOptions(LanguageVersion.Latest));
        var assembly = Compile((CSharpCompilation)generated.AddSyntaxTrees(dispatcher));
        var runMethod = assembly.GetType(Namespace + ".Dispatcher")!.GetMethod("Run")!;

        var passed = 0;
        var failures = new List<string>();
        foreach (var group in runnable)
        {
            foreach (var test in group.Cases)
            {
                ValidationResult result;
                try
                {
                    result = (ValidationResult)runMethod.Invoke(null, [group.Id, test.Data])!;
                }
                catch (TargetInvocationException exception)
                {
                    failures.Add($"{group.File} / {group.Description} / {test.Description}: threw {exception.InnerException}");
                    continue;
                }

                if (result.IsValid == test.Valid)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{group.File} / {group.Description} / {test.Description}: expected {(test.Valid ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : result.ToString().Replace(Environment.NewLine, "; ", StringComparison.Ordinal))}");
                }
            }
        }

        var excluded = groups.Where(g => excludedGroups.ContainsKey(g.Id))
            .SelectMany(g => g.Cases.Select(c => new Exclusion(g.File, g.Description, c.Description, excludedGroups[g.Id])))
            .ToList();
        CheckExclusions(excluded, draft);

        var total = groups.Sum(g => g.Cases.Count);
        var summary = $"conformance {draft}: {passed} passed, {failures.Count} failed, {excluded.Count} excluded of {total}";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        WriteSummary(draft, summary);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(60)));
        Assert.Equal(total, passed + failures.Count + excluded.Count);
    }

    /// <summary>Puts this draft's line in <c>TestResults/conformance.txt</c>, beside the other drafts' lines, in draft order.</summary>
    private static void WriteSummary(string draft, string summary)
    {
        lock (ResultsGate)
        {
            var results = Path.Combine(TestSuite.RepositoryRoot, "TestResults");
            Directory.CreateDirectory(results);
            var path = Path.Combine(results, "conformance.txt");
            var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
            lines.RemoveAll(line => !line.StartsWith("conformance draft", StringComparison.Ordinal) || line.StartsWith("conformance " + draft + ":", StringComparison.Ordinal));
            lines.Add(summary);
            File.WriteAllLines(path, lines.OrderBy(line => Array.FindIndex(TestSuite.Drafts, d => line.StartsWith("conformance " + d + ":", StringComparison.Ordinal))));
        }
    }

    /// <summary>The problems the generator's own reader and model find in the suite's schemas (the generator reports them in a build).</summary>
    private static IEnumerable<Stagehand.Schema.SchemaProblem> ModelProblems(ImmutableArray<SuiteText> files, string draft)
    {
        var settings = Stagehand.Schema.SchemaFileSettings.Resolve(Namespace, "validator", Namespace, defaultDialect: draft);
        var documents = files.Select(f => Stagehand.Schema.SchemaReader.ReadFile(f.Path, settings, f.GetText())).ToImmutableArray();
        return Stagehand.Schema.ContractModelBuilder.BuildOrReport(documents).SelectMany(r => r.Problems);
    }

    /// <summary>Why a schema is excluded: the unsupported keyword it uses.</summary>
    private static string Reason(Stagehand.Schema.SchemaProblem problem) =>
        problem.Keyword == "$ref" && problem.Message.Contains("was not found", StringComparison.Ordinal) ? "$ref to a remote or $id-based URI" : problem.Keyword;

    private static string Dispatcher(IEnumerable<SuiteGroup> groups)
    {
        var builder = new StringBuilder();
        builder.AppendLine("namespace " + Namespace + ";");
        builder.AppendLine("public static class Dispatcher");
        builder.AppendLine("{");
        builder.AppendLine("    public static global::Stagehand.Contracts.ValidationResult Run(string id, byte[] json) => id switch");
        builder.AppendLine("    {");
        foreach (var group in groups)
        {
            builder.AppendLine($"        \"{group.Id}\" => {group.Id}Schema.Validate(json),");
        }

        builder.AppendLine("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(id)),");
        builder.AppendLine("    };");
        builder.AppendLine("}");
        return builder.ToString();
    }

    private static Assembly Compile(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30).Select(d => d.ToString()).ToList();
        Assert.True(emit.Success, "The generated validators do not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return Assembly.Load(stream.ToArray());
    }

    private void CheckExclusions(List<Exclusion> excluded, string draft)
    {
        var exclusionsFile = "conformance-exclusions." + draft + ".json";
        var path = Path.Combine(AppContext.BaseDirectory, exclusionsFile);
        if (Environment.GetEnvironmentVariable(WriteExclusionsVariable) == "1")
        {
            var source = Path.Combine(TestSuite.RepositoryRoot, "tests", "Stagehand.Conformance.Tests", exclusionsFile);
            File.WriteAllText(source, JsonSerializer.Serialize(excluded, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n");
            output.WriteLine("wrote " + source);
            return;
        }

        var listed = JsonSerializer.Deserialize<List<Exclusion>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!;
        var unlisted = excluded.Except(listed).ToList();
        var stale = listed.Except(excluded).ToList();
        Assert.True(
            unlisted.Count == 0 && stale.Count == 0,
            $"{exclusionsFile} is out of date. Not listed: {string.Join("; ", unlisted.Take(10))}. Listed but not excluded: {string.Join("; ", stale.Take(10))}. Set {WriteExclusionsVariable}=1 to rewrite it, then review it.");
        var documented = File.ReadAllText(Path.Combine(TestSuite.RepositoryRoot, "docs", "schema-dialect.md"));
        foreach (var reason in listed.SelectMany(e => e.Reason.Split(", ")).Distinct())
        {
            var keyword = reason.Split(' ')[0];
            Assert.True(documented.Contains("`" + keyword + "`", StringComparison.Ordinal), $"The exclusion reason '{keyword}' is not documented in docs/schema-dialect.md.");
        }
    }

    /// <summary>One excluded case and the unsupported keyword that excludes it.</summary>
    private sealed record Exclusion(string File, string Group, string Test, string Reason);

    private sealed class SuiteText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Every suite schema is read in validator mode, in one namespace.</summary>
    private sealed class SuiteOptions(string draft) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options PerFile = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.StagehandNamespace"] = Namespace,
            ["build_metadata.AdditionalFiles.StagehandSchemaMode"] = "validator",
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = Namespace,
            ["build_property.StagehandDefaultDialect"] = draft,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => PerFile;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
