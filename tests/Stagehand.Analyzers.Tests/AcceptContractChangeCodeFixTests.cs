using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Analyzers.CodeFixes.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>
/// The code fix of STH0008, STH0009 and STH0011: accepting a change rewrites Contracts.Shipped.txt so that the change
/// is recorded and its diagnostic goes away, and nothing else moves. The testing framework only applies fixes to
/// diagnostics in C# files, so these tests run the analyzers and the fix in a workspace of their own.
/// </summary>
public sealed class AcceptContractChangeCodeFixTests
{
    private static readonly AcceptContractChangeCodeFixProvider Fix = new();

    [Fact]
    public async Task AcceptingAMinorChangeRecordsItAndTheDiagnosticGoesAway()
    {
        var project = Project(Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest)), ("PetRequest.schema.json", ContractChanges.PetRequestWithNickname));
        var diagnostic = Assert.Single(await DiagnosticsAsync(project));
        Assert.Equal("STH0009", diagnostic.Id);

        var (title, fixedProject) = await ApplyAsync(project, diagnostic);

        Assert.Equal("Accept this contract change into Contracts.Shipped.txt", title);
        Assert.Equal(Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequestWithNickname)), await BaselineTextAsync(fixedProject));
        Assert.Empty(await DiagnosticsAsync(fixedProject));
    }

    [Fact]
    public async Task AcceptingABreakReportedInTheBaselineRemovesTheMembersFactsAndKeepsTheIgnoreLines()
    {
        const string ignore = "ignore\tPetResponse.schema.json\t.id\tdescription\tDescriptions are not part of the wire.\n";
        var released = Baselines.Of("1.0.0", ("PetResponse.schema.json", ContractChanges.PetResponse)).Replace("version\t1.0.0\n", "version\t1.0.0\n" + ignore);
        var project = Project(released, ("PetResponse.schema.json", ContractChanges.PetResponseWithoutName));
        var diagnostic = Assert.Single(await DiagnosticsAsync(project));
        Assert.Equal(("STH0008", ContractChanges.BaselinePath), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path));

        var (_, fixedProject) = await ApplyAsync(project, diagnostic);

        var accepted = await BaselineTextAsync(fixedProject);
        Assert.Equal(released.Split('\n').Where(line => !line.Contains("\t.name\t", System.StringComparison.Ordinal)), accepted.Split('\n'));
        Assert.Contains(ignore, accepted, System.StringComparison.Ordinal);
        Assert.Empty(await DiagnosticsAsync(fixedProject));
    }

    [Fact]
    public async Task AcceptingOneChangeLeavesTheOthers()
    {
        var changed = ContractChanges.PetRequestWithNickname.Replace("\"^(cat|dog)$\"", "\"^[a-z]+$\"");
        var project = Project(Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest)), ("PetRequest.schema.json", changed));
        var diagnostics = await DiagnosticsAsync(project);
        Assert.Equal(["STH0009", "STH0011"], diagnostics.Select(d => d.Id).OrderBy(id => id));

        var (_, fixedProject) = await ApplyAsync(project, diagnostics.Single(d => d.Id == "STH0011"));

        var remaining = Assert.Single(await DiagnosticsAsync(fixedProject));
        Assert.Equal(("STH0009", ".nickname"), (remaining.Id, remaining.Properties["Path"]));
        Assert.Contains("PetRequest.schema.json\t.code\tpattern\t\"^[a-z]+$\"\n", await BaselineTextAsync(fixedProject), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixAllAcceptsEveryChangeInItsScope()
    {
        var changed = ContractChanges.PetRequestWithNickname.Replace("\"^(cat|dog)$\"", "\"^[a-z]+$\"");
        var project = Project(Baselines.Of("1.0.0", ("PetRequest.schema.json", ContractChanges.PetRequest)), ("PetRequest.schema.json", changed));
        var diagnostics = await DiagnosticsAsync(project);
        Assert.Equal(2, diagnostics.Length);

        // Every change in scope: the baseline becomes the schemas' facts, with its version.
        var all = await FixAllAsync(project, diagnostics, "STH0009", "STH0011");
        Assert.Equal(Baselines.Of("1.0.0", ("PetRequest.schema.json", changed)), await BaselineTextAsync(all));
        Assert.Empty(await DiagnosticsAsync(all));

        // Fix All for STH0009 only: the unproven pattern stays unaccepted.
        var minorOnly = await FixAllAsync(project, diagnostics, "STH0009");
        Assert.Equal("STH0011", Assert.Single(await DiagnosticsAsync(minorOnly)).Id);
    }

    private static Project Project(string baseline, params (string Path, string Text)[] schemas)
    {
        var workspace = new AdhocWorkspace();
        var id = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(id, VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: AnalyzerRunner.ParseOptions,
                metadataReferences: AnalyzerRunner.References))
            .AddDocument(DocumentId.CreateNewId(id), "Empty.cs", SourceText.From("namespace Consumer;\n"), filePath: "/src/Empty.cs");
        foreach (var (path, text) in schemas)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), path, SourceText.From(text), filePath: ContractChanges.Folder + path);
        }

        solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), "Contracts.Shipped.txt", SourceText.From(baseline), filePath: ContractChanges.BaselinePath);
        return solution.GetProject(id)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        return await compilation!.WithAnalyzers(AnalyzerRunner.AllAnalyzers(), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<string> BaselineTextAsync(Project project) =>
        (await project.AdditionalDocuments.Single(d => d.FilePath == ContractChanges.BaselinePath).GetTextAsync()).ToString();

    private static async Task<(string Title, Project Project)> ApplyAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.AdditionalDocuments.Single(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
        var actions = new List<CodeAction>();
        await Fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        return (action.Title, await ApplyAsync(project, action));
    }

    private static async Task<Project> FixAllAsync(Project project, ImmutableArray<Diagnostic> diagnostics, params string[] ids)
    {
        var fixAll = Fix.GetFixAllProvider();
        var context = new FixAllContext(project.Documents.Single(), Fix, FixAllScope.Project, nameof(AcceptContractChangeCodeFixProvider), ids, new Provider(diagnostics), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        Assert.Equal("Accept these contract changes into Contracts.Shipped.txt", action.Title);
        return await ApplyAsync(project, action);
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
    }

    /// <summary>Hands Fix All the diagnostics of its ids, as the IDE does.</summary>
    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
