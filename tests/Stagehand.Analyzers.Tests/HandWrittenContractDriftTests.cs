using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Stagehand.Analyzers.CodeFixes.Rules;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0003, starting with seed 001: the public-types test that declared <c>serverCache?: boolean</c> three times.</summary>
public sealed class HandWrittenContractDriftTests
{
    private const string Usings = """
        using Stagehand.Contracts;
        using Stagehand.Contracts.V3;

        namespace Consumer.PublicTypes;

        """;

    // The seed's three type tests, as C#: each declares serverCache as a boolean where the contract says boolean | { threshold }.
    private const string SeedActOptions = """
        [MirrorsContract(typeof(ActOptions))]
        public sealed record ExpectedActOptions
        {
            public ModelSelection? Model { get; init; }
            public ValueMap<VariableValue>? Variables { get; init; }
            public double? Timeout { get; init; }
            public {|STH0003:bool?|} ServerCache { get; init; }
        }

        """;

    private const string SeedExtractOptions = """
        [MirrorsContract(typeof(ExtractOptions))]
        public sealed record ExpectedExtractOptions
        {
            public ModelSelection? Model { get; init; }
            public double? Timeout { get; init; }
            public string? Selector { get; init; }
            public ValueList<string>? IgnoreSelectors { get; init; }
            public bool? Screenshot { get; init; }
            public {|STH0003:bool?|} ServerCache { get; init; }
        }

        """;

    private const string SeedObserveOptions = """
        [MirrorsContract(typeof(ObserveOptions))]
        public sealed record ExpectedObserveOptions
        {
            public ModelSelection? Model { get; init; }
            public ValueMap<VariableValue>? Variables { get; init; }
            public double? Timeout { get; init; }
            public string? Selector { get; init; }
            public ValueList<string>? IgnoreSelectors { get; init; }
            public {|STH0003:bool?|} ServerCache { get; init; }
        }

        """;

    private static string Fixed(string seed) => seed.Replace("{|STH0003:bool?|}", "ServerCacheSetting?");

    [Fact]
    public Task SeedActOptionsWithBooleanServerCacheIsReported() => Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Usings + SeedActOptions);

    [Fact]
    public Task SeedExtractOptionsWithBooleanServerCacheIsReported() => Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Usings + SeedExtractOptions);

    [Fact]
    public Task SeedObserveOptionsWithBooleanServerCacheIsReported() => Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Usings + SeedObserveOptions);

    [Fact]
    public Task SeedTypeTestsTogetherGiveThreeDiagnostics() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Usings + SeedActOptions + SeedExtractOptions + SeedObserveOptions);

    [Fact]
    public Task FixedSeedTypeTestsAreSilent() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Usings + Fixed(SeedActOptions) + Fixed(SeedExtractOptions) + Fixed(SeedObserveOptions));

    [Fact]
    public Task CodeFixChangesTheMemberToTheContractType() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Usings + SeedActOptions + SeedExtractOptions + SeedObserveOptions,
            Usings + Fixed(SeedActOptions) + Fixed(SeedExtractOptions) + Fixed(SeedObserveOptions));

    [Fact]
    public Task CodeFixAddsTheUsingWhenTheContractNamespaceIsNotImported() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            """
            namespace Consumer.PublicTypes;

            [Stagehand.Contracts.MirrorsContract(typeof(Stagehand.Contracts.V3.ActOptions))]
            public sealed class ExpectedActOptions
            {
                public {|STH0003:bool?|} ServerCache { get; init; }
            }
            """,
            """
            using Stagehand.Contracts.V3;

            namespace Consumer.PublicTypes;

            [Stagehand.Contracts.MirrorsContract(typeof(Stagehand.Contracts.V3.ActOptions))]
            public sealed class ExpectedActOptions
            {
                public ServerCacheSetting? ServerCache { get; init; }
            }
            """);

    [Fact]
    public Task CodeFixWorksOnAPositionalRecord() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Usings + "[MirrorsContract(typeof(ActOptions))]\npublic sealed record ExpectedActOptions(double? Timeout, {|STH0003:bool?|} ServerCache);\n",
            Usings + "[MirrorsContract(typeof(ActOptions))]\npublic sealed record ExpectedActOptions(double? Timeout, ServerCacheSetting? ServerCache);\n");

    // The fix changes the type; an initializer the new type cannot take must change with it, or the fixed code does not compile.
    private const string LlmConfigView = """
        using System;
        using Stagehand.Contracts;
        using Stagehand.Contracts.V4;

        namespace Consumer;

        [MirrorsContract(typeof(LLMConfig))]
        public sealed class LlmConfigView
        {
            public Guid Id { get; set; }
            public {|STH0003:string|} Source { get; set; } = "";
            public string? DisplayName { get; set; }
            public string ModelName { get; set; } = "";
            public Uri? BaseUrl { get; set; }
            public string? SystemPrompt { get; set; }
            public LLMProviderOptions? ProviderOptions { get; set; }
            public DateTimeOffset CreatedAt { get; set; }
            public DateTimeOffset UpdatedAt { get; set; }
        }
        """;

    [Fact]
    public Task CodeFixReplacesAnInitializerTheContractTypeCannotTake() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            LlmConfigView,
            LlmConfigView.Replace("public {|STH0003:string|} Source { get; set; } = \"\";", "public LLMSource Source { get; set; } = default!;"),
            compilerDiagnostics: CompilerDiagnostics.Warnings);

    [Fact]
    public Task CodeFixDropsAnInitializerTheNullableContractTypeCannotTake() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Usings + """
                [MirrorsContract(typeof(ActOptions))]
                public sealed class ExpectedActOptions
                {
                    public {|STH0003:string?|} Variables { get; init; } = "";
                }
                """,
            Usings + """
                [MirrorsContract(typeof(ActOptions))]
                public sealed class ExpectedActOptions
                {
                    public ValueMap<VariableValue>? Variables { get; init; }
                }
                """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);

    [Fact]
    public Task CodeFixKeepsAnInitializerTheContractTypeConvertsFrom() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Usings + """
                [MirrorsContract(typeof(ActOptions))]
                public sealed class ExpectedActOptions
                {
                    public {|STH0003:string?|} Model { get; init; } = "openai/gpt-4.1-nano";
                    public {|STH0003:bool?|} ServerCache { get; init; } = false;
                }
                """,
            Usings + """
                [MirrorsContract(typeof(ActOptions))]
                public sealed class ExpectedActOptions
                {
                    public ModelSelection? Model { get; init; } = "openai/gpt-4.1-nano";
                    public ServerCacheSetting? ServerCache { get; init; } = false;
                }
                """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);

    [Fact]
    public Task CodeFixReplacesAParameterDefaultTheContractTypeCannotTake() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Usings + "[MirrorsContract(typeof(ActOptions))]\npublic sealed record ExpectedActOptions({|STH0003:string?|} Variables = \"\", double? Timeout = null);\n",
            Usings + "[MirrorsContract(typeof(ActOptions))]\npublic sealed record ExpectedActOptions(ValueMap<VariableValue>? Variables = default, double? Timeout = null);\n",
            compilerDiagnostics: CompilerDiagnostics.Warnings);

    [Fact]
    public Task CodeFixIsNotOfferedWhenAccessorBodiesUseTheOldType()
    {
        const string source = Usings + """
            [MirrorsContract(typeof(ActOptions))]
            public sealed class ExpectedActOptions
            {
                private bool? _serverCache;
                public {|STH0003:bool?|} ServerCache { get => _serverCache; init => _serverCache = value; }
            }
            """;
        return Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(source, source, iterations: 0);
    }

    private const string Widget = """
        using System.Text.Json.Serialization;
        using Stagehand.Contracts;

        namespace Consumer;

        [ContractType("Widget", ContractVisibility.Public)]
        public sealed record Widget
        {
            [ContractMember("id", Required = true)]
            public required string Id { get; init; }

            [ContractMember("size")]
            public int? Size { get; init; }

            [ContractMember("display_name")]
            public string? DisplayName { get; init; }
        }

        """;

    [Fact]
    public Task MissingRequiredMemberIsReportedOnTheType() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Widget + """
            [MirrorsContract(typeof(Widget))]
            public sealed class {|STH0003:WidgetView|}
            {
                public int? Size { get; init; }
            }
            """);

    [Fact]
    public Task UnknownMemberIsReported() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Widget + """
            [MirrorsContract(typeof(Widget))]
            public sealed class WidgetView
            {
                public string Id { get; init; } = "";
                public string? {|STH0003:Colour|} { get; init; }
                [JsonIgnore]
                public string? Cached { get; init; }
            }
            """);

    [Fact]
    public Task NullabilityMismatchIsReportedBothWays() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Widget + """
            [MirrorsContract(typeof(Widget))]
            public sealed class WidgetView
            {
                public {|STH0003:string?|} Id { get; init; }
                public {|STH0003:int|} Size { get; init; }
            }
            """);

    [Fact]
    public Task WireNameMismatchIsReportedAndAMatchingWireNameIsNot() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Widget + """
            [MirrorsContract(typeof(Widget))]
            public sealed class WidgetView
            {
                [{|STH0003:JsonPropertyName("identifier")|}]
                public string Id { get; init; } = "";

                [JsonPropertyName("display_name")]
                public string? Name { get; init; }
            }
            """);

    [Fact]
    public Task MirrorOfATypeThatIsNotAContractIsReported() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync("""
            using Stagehand.Contracts;

            namespace Consumer;

            public sealed class NotAContract { }

            [{|STH0003:MirrorsContract(typeof(NotAContract))|}]
            public sealed class View { }
            """);

    [Fact]
    public Task SeverityCanBeChangedInEditorConfig()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<HandWrittenContractDriftAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = Usings + SeedActOptions.Replace("{|STH0003:bool?|}", "{|#0:bool?|}"),
        };
        test.SolutionTransforms.Add(TestSetup.EnableNullable);
        TestSetup.Apply(test.TestState, []);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.STH0003.severity = suggestion\n"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(HandWrittenContractDriftAnalyzer.Rule)
            .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(0)
            .WithArguments("ExpectedActOptions", "ActOptions", "the member 'ServerCache' is 'bool?', but the contract says 'ServerCacheSetting?'"));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeFixGivesANonNullableParameterTheSuppressedDefault() =>
        Verify<HandWrittenContractDriftAnalyzer, HandWrittenContractDriftCodeFixProvider>.CodeFixAsync(
            Widget + """
                [MirrorsContract(typeof(Widget))]
                public sealed record WidgetView({|STH0003:int|} Id = 0, int? Size = null, [property: ContractMember("display_name")] string? DisplayName = null);
                """,
            Widget + """
                [MirrorsContract(typeof(Widget))]
                public sealed record WidgetView(string Id = default!, int? Size = null, [property: ContractMember("display_name")] string? DisplayName = null);
                """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);

    [Fact]
    public Task ExactMirrorIsSilent() =>
        Verify<HandWrittenContractDriftAnalyzer>.AnalyzerAsync(Widget + """
            [MirrorsContract(typeof(Widget))]
            public sealed record WidgetView(string Id, int? Size, [property: ContractMember("display_name")] string? DisplayName);
            """);
}
