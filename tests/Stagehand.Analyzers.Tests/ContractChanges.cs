using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>Schema versions the contract-change tests share, and a run of every analyzer over a schema folder with its baseline.</summary>
internal static class ContractChanges
{
    /// <summary>The folder the schemas and the baseline are in.</summary>
    public const string Folder = "/inline/pets/";

    public const string BaselinePath = Folder + "Contracts.Shipped.txt";

    /// <summary>A response with two required members.</summary>
    public const string PetResponse = """
        {
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "name": { "type": "string" }
          },
          "required": ["id", "name"]
        }
        """;

    /// <summary>The response without its required <c>name</c>: older clients refuse what it now sends.</summary>
    public const string PetResponseWithoutName = """
        {
          "type": "object",
          "properties": {
            "id": { "type": "string" }
          },
          "required": ["id"]
        }
        """;

    /// <summary>A request with a code of two literal values.</summary>
    public const string PetRequest = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "code": { "type": "string", "pattern": "^(cat|dog)$" }
          },
          "required": ["name"]
        }
        """;

    /// <summary>The request with a new optional member, <c>nickname</c>: a server accepts more (minor).</summary>
    public const string PetRequestWithNickname = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "nickname": { "type": "string" },
            "code": { "type": "string", "pattern": "^(cat|dog)$" }
          },
          "required": ["name"]
        }
        """;

    /// <summary>The request whose code pattern is no longer a list of literals: it may narrow or widen.</summary>
    public const string PetRequestWithCodePattern = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "code": { "type": "string", "pattern": "^[a-z]+$" }
          },
          "required": ["name"]
        }
        """;

    /// <summary>Runs every analyzer over schema files (paths below <see cref="Folder"/>) and a baseline text, with optional project properties.</summary>
    public static ImmutableArray<Diagnostic> Run(string? baseline, (string Path, string Text)[] schemas, IReadOnlyDictionary<string, string>? properties = null)
    {
        var files = schemas.Select(s => (AdditionalText)new TestAdditionalText(Folder + s.Path, s.Text)).ToList();
        if (baseline is not null)
        {
            files.Add(new TestAdditionalText(BaselinePath, baseline));
        }

        return AnalyzerRunner.Run(files, string.Empty, AnalyzerRunner.AllAnalyzers(), globalOptions: properties);
    }

    /// <summary>The 0-based line of the first line of <paramref name="text"/> that starts with <paramref name="start"/>.</summary>
    public static int LineOf(string text, string start) =>
        text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.StartsWith(start, System.StringComparison.Ordinal)).index;
}
