using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Stagehand.Schema;

/// <summary>The naming pass of reader methods: one readable, unique name per schema node of a file.</summary>
internal sealed partial class ContractModelBuilder
{
    /// <summary>The reader method of a file's root (the validator entry and the registry find it by this name).</summary>
    public const string RootReader = "ReadRoot";

    /// <summary>The longest reader name made from a pointer, before a number keeps it unique.</summary>
    private const int MaxReaderNameLength = 72;

    private readonly Dictionary<(string Path, string Pointer), string> _readerNames = new();
    private readonly HashSet<string> _namedFiles = new(StringComparer.Ordinal);

    /// <summary>The reader method of <paramref name="node"/>: see <see cref="NameReaders"/>.</summary>
    private string ReaderNameFor(SchemaDocument document, SchemaNode node)
    {
        if (_namedFiles.Add(document.Path))
        {
            NameReaders(document);
        }

        return _readerNames.TryGetValue((document.Path, node.Pointer), out var name) ? name : RootReader;
    }

    /// <summary>
    /// Names the reader of every node of a file after its place, in document order: <c>ReadRoot</c>, then the path with
    /// the words that only hold names left out (<c>/properties/model/anyOf/1</c> → <c>ReadModelAnyOf1</c>,
    /// <c>/$defs/Pet/properties/id</c> → <c>ReadPetId</c>). A name already taken, or one that would meet a companion of
    /// another reader (<c>ReadPetStringRules</c>), gets the next free number.
    /// </summary>
    private void NameReaders(SchemaDocument document)
    {
        if (document.Root is null)
        {
            return;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { "Validate" };

        // The readers that a taken name would be a companion of (ReadPetStringRules taken: ReadPet is not free).
        var companionBases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root))
        {
            var candidate = node.Pointer.Length == 0 ? RootReader : "Read" + PathName(node.Pointer);
            var name = candidate;
            for (var number = 2; taken.Contains(name) || companionBases.Contains(name) || (GeneratedMemberNames.CompanionBase(name) is { } owner && taken.Contains(owner)); number++)
            {
                name = candidate + number.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            if (GeneratedMemberNames.CompanionBase(name) is { } companionOf)
            {
                companionBases.Add(companionOf);
            }

            _readerNames[(document.Path, node.Pointer)] = name;
        }
    }

    /// <summary>The pointer's segments as one identifier, without the keywords whose next segment is a name.</summary>
    private static string PathName(string pointer)
    {
        var builder = new StringBuilder();
        var segments = pointer.Substring(1).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment is "properties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies" && i + 1 < segments.Length)
            {
                continue;
            }

            builder.Append(segment.All(char.IsDigit) ? segment : Identifiers.ToPascalCase(Identifiers.ToIdentifier(segment.TrimStart('$'), "X"), "X"));
        }

        var name = builder.Length == 0 ? "Schema" : builder.ToString();
        return name.Length <= MaxReaderNameLength ? name : name.Substring(0, MaxReaderNameLength);
    }
}
