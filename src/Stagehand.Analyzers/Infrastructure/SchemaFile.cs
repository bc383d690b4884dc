using System.Collections.Immutable;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>One schema file of a compilation: what the shared reader made of it and what building the model reported.</summary>
internal sealed class SchemaFile
{
    public SchemaFile(string originalPath, SchemaDocument document, string relativePath, ContractFile? contract, ImmutableArray<SchemaProblem> problems)
    {
        OriginalPath = originalPath;
        Document = document;
        RelativePath = relativePath;
        Contract = contract;
        Problems = problems;
    }

    /// <summary>The path as the build gave it; diagnostics in the file use it.</summary>
    public string OriginalPath { get; }

    public SchemaDocument Document { get; }

    /// <summary>The normalized path (forward slashes), the key <c>$ref</c>s resolve to.</summary>
    public string Path => Document.Path;

    /// <summary>The path below the common folder of all schema files, as the generator writes it in <c>[ContractType(SchemaPath = ...)]</c>.</summary>
    public string RelativePath { get; }

    public SchemaNode? Root => Document.Root;

    /// <summary>The types built from this file; null when it has problems (the generator then emits nothing for it).</summary>
    public ContractFile? Contract { get; }

    /// <summary>Every problem the reader and the model builder reported for this file, notes included.</summary>
    public ImmutableArray<SchemaProblem> Problems { get; }

    /// <summary>The problems that stop generation (STH0004).</summary>
    public ImmutableArray<SchemaProblem> Errors => Problems.RemoveAll(problem => problem.IsNote);

    /// <summary>The notes (STH0007).</summary>
    public ImmutableArray<SchemaProblem> Notes => Problems.RemoveAll(problem => !problem.IsNote);

    public bool IsPublic => Root is not null && Document.Visibility == SchemaVisibility.Public;

    public bool IsInternal => Root is not null && Document.Visibility == SchemaVisibility.Internal;

    /// <summary>
    /// The name of the C# type the root becomes: the model's (which may have numbered it to keep it clear of another),
    /// else the name the model starts from (<see cref="SchemaDocument.RootTypeCandidate"/>).
    /// </summary>
    public string RootTypeName => Contract?.RootType?.Name ?? Document.RootTypeCandidate;

    public string RootTypeFullName => Document.Namespace + "." + RootTypeName;

    /// <summary>The record the root becomes, when the file built without problems and its root is an object.</summary>
    public RecordSpec? RootRecord
    {
        get
        {
            if (Contract is null)
            {
                return null;
            }

            foreach (var type in Contract.Types)
            {
                if (type is RecordSpec record && record.Type.Name == RootTypeName)
                {
                    return record;
                }
            }

            return null;
        }
    }
}
