using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Contracts;
using Stagehand.Generators;

namespace Stagehand.Conformance.Tests;

/// <summary>What one case came to: it agreed with the suite, or why not.</summary>
internal sealed record CaseOutcome(bool Passed, string Message);

/// <summary>A problem the generator reported (STH0004), by file, with the keyword it names.</summary>
internal sealed record GeneratorProblem(string Path, string Keyword, string Message);

/// <summary>
/// One generator run over one draft's part of the suite, compiled once, in memory, and shared by every case test of it.
/// Each group's schema is the file <c>/suite/&lt;Id&gt;.schema.json</c>; each remote the draft can read is one more file,
/// <c>/remotes/&lt;path&gt;.schema.json</c>, with the URI the suite serves it at as its <c>StagehandSchemaUri</c>
/// metadata. Every file is read in validator mode, in the draft's dialect (as a project with
/// <c>StagehandDefaultDialect</c> would read it). A group whose schema the generator reports problems for (STH0004) is
/// excluded, with the keywords as its reason; so is a group whose <c>$ref</c> reaches a remote with problems. Problems
/// of the remotes themselves are listed, never failed on.
/// </summary>
internal sealed class SuiteBuild
{
    public const string Namespace = "Conformance.Suite";

    private const string SuitePrefix = "/suite/";
    private const string RemotesPrefix = "/remotes/";

    private static readonly Dictionary<(string Draft, SuiteRun Run), Lazy<SuiteBuild>> Builds = TestSuite.Drafts
        .SelectMany(draft => new[] { SuiteRun.Required, SuiteRun.Format }.Select(run => (draft, run)))
        .ToDictionary(key => key, key => new Lazy<SuiteBuild>(() => new SuiteBuild(key.draft, key.run), LazyThreadSafetyMode.ExecutionAndPublication));

    private readonly MethodInfo _validate;
    private readonly Dictionary<(string File, int Index), SuiteGroup> _groups;

    private SuiteBuild(string draft, SuiteRun run)
    {
        var watch = Stopwatch.StartNew();
        Draft = draft;
        Run = run;
        Groups = TestSuite.Load(draft, run);
        _groups = Groups.ToDictionary(group => (group.File, group.Index));
        var remotes = TestSuite.Remotes(draft);
        var files = Groups.Select(group => new SuiteText(SuitePrefix + group.Id + ".schema.json", group.SchemaText, null))
            .Concat(remotes.Select(remote => new SuiteText(RemotesPrefix + remote.Relative[..^".json".Length] + ".schema.json", remote.Text, remote.Uri)))
            .ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            files.CastArray<AdditionalText>(),
            new CSharpParseOptions(LanguageVersion.Latest),
            new SuiteOptions(draft, formatAssertion: run == SuiteRun.Format),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));
        var compilation = CSharpCompilation.Create(
            Namespace + "." + draft.Replace('-', '_') + "." + run,
            [],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(ContractJson).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics);
        var exception = driver.GetRunResult().Results.Single().Exception;
        if (exception is not null)
        {
            throw new InvalidOperationException("The generator threw: " + exception);
        }

        var problems = new List<GeneratorProblem>();
        var others = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            if (diagnostic.Id == "STH0004" && path is not null && (path.StartsWith(SuitePrefix, StringComparison.Ordinal) || path.StartsWith(RemotesPrefix, StringComparison.Ordinal)))
            {
                var (keyword, message) = Parse(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                problems.Add(new GeneratorProblem(path, keyword, message));
            }
            else
            {
                others.Add(diagnostic);
            }
        }

        RemoteProblems = problems.Where(p => p.Path.StartsWith(RemotesPrefix, StringComparison.Ordinal)).ToList();
        OtherDiagnostics = others.Select(d => d.ToString()).ToList();
        Excluded = problems
            .Where(p => p.Path.StartsWith(SuitePrefix, StringComparison.Ordinal))
            .GroupBy(p => p.Path[SuitePrefix.Length..^".schema.json".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(Reason).Distinct().OrderBy(k => k, StringComparer.Ordinal)), StringComparer.Ordinal);

        var runnable = Groups.Where(g => !Excluded.ContainsKey(g.Id)).ToList();
        var dispatcher = CSharpSyntaxTree.ParseText(Dispatcher(runnable), new CSharpParseOptions(LanguageVersion.Latest));
        var assembly = Compile((CSharpCompilation)generated.AddSyntaxTrees(dispatcher));
        _validate = assembly.GetType(Namespace + ".Dispatcher")!.GetMethod("Run")!;
        Elapsed = watch.Elapsed;
    }

    public string Draft { get; }

    public SuiteRun Run { get; }

    public IReadOnlyList<SuiteGroup> Groups { get; }

    /// <summary>The excluded groups, by <see cref="SuiteGroup.Id"/>, each with its reason (the keywords the generator reported).</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; }

    /// <summary>The problems the generator reported in remote files: listed, never failed on.</summary>
    public IReadOnlyList<GeneratorProblem> RemoteProblems { get; }

    /// <summary>Any other diagnostic of the generator (none is expected).</summary>
    public IReadOnlyList<string> OtherDiagnostics { get; }

    /// <summary>How long generating and compiling took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The compiled run a draft's file belongs to; built on first use, once, whatever thread asks.</summary>
    public static SuiteBuild For(string draft, SuiteRun run) => Builds[(draft, run)].Value;

    public SuiteGroup Group(string file, int index) => _groups[(file, index)];

    /// <summary>Why a case is excluded, or null when it runs.</summary>
    public string? ExclusionReason(SuiteGroup group) => Excluded.TryGetValue(group.Id, out var reason) ? reason : null;

    /// <summary>Validates one case's instance with its group's generated validator.</summary>
    public CaseOutcome Evaluate(SuiteGroup group, SuiteCase test)
    {
        ValidationResult result;
        try
        {
            result = (ValidationResult)_validate.Invoke(null, [group.Id, test.Data])!;
        }
        catch (TargetInvocationException exception)
        {
            return new CaseOutcome(false, $"threw {exception.InnerException}");
        }

        return result.IsValid == test.Valid
            ? new CaseOutcome(true, "agrees")
            : new CaseOutcome(false, $"expected {(test.Valid ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : result.ToString().Replace(Environment.NewLine, "; ", StringComparison.Ordinal))}");
    }

    /// <summary>The keyword and the message of an STH0004 ("Invalid schema at '{keyword}': {message}").</summary>
    private static (string Keyword, string Message) Parse(string message)
    {
        const string Start = "Invalid schema at '";
        var end = message.IndexOf("': ", StringComparison.Ordinal);
        return message.StartsWith(Start, StringComparison.Ordinal) && end > Start.Length
            ? (message[Start.Length..end], message[(end + 3)..])
            : (message, message);
    }

    /// <summary>Why a schema is excluded: the unsupported keyword it uses.</summary>
    private static string Reason(GeneratorProblem problem) =>
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

    private Assembly Compile(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30).Select(d => d.ToString());
            throw new InvalidOperationException($"The validators generated for {Draft} ({Run}) do not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return Assembly.Load(stream.ToArray());
    }

    private sealed class SuiteText(string path, string text, string? schemaUri) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        /// <summary>The URI the suite serves a remote at, or null for a group's schema.</summary>
        public string? SchemaUri => schemaUri;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// Every file is read in validator mode, in one namespace, in the draft's dialect; a remote carries its URI
    /// (<c>StagehandSchemaUri</c>); the format run switches format assertion on (<c>StagehandFormatAssertion</c>).
    /// </summary>
    private sealed class SuiteOptions(string draft, bool formatAssertion) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options PerFile = new(PerFileValues(null));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(GlobalValues(draft, formatAssertion));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile is SuiteText { SchemaUri: { } uri } ? new Options(PerFileValues(uri)) : PerFile;

        private static Dictionary<string, string> GlobalValues(string draft, bool formatAssertion)
        {
            var values = new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = Namespace,
                ["build_property.StagehandDefaultDialect"] = draft,
            };
            if (formatAssertion)
            {
                values["build_property.StagehandFormatAssertion"] = "true";
            }

            return values;
        }

        private static Dictionary<string, string> PerFileValues(string? schemaUri)
        {
            var values = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.StagehandNamespace"] = Namespace,
                ["build_metadata.AdditionalFiles.StagehandSchemaMode"] = "validator",
            };
            if (schemaUri is not null)
            {
                values["build_metadata.AdditionalFiles.StagehandSchemaUri"] = schemaUri;
            }

            return values;
        }

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
