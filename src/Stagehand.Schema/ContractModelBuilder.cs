using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace Stagehand.Schema;

/// <summary>
/// Turns the parsed schema files of a compilation into one <see cref="ContractFile"/> per file, resolving
/// <c>$ref</c> across files. A file's result holds only values, so a file whose own schema and referenced type
/// names did not change produces an equal result and is not generated again.
/// </summary>
internal sealed partial class ContractModelBuilder
{
    private readonly Dictionary<string, SchemaDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string Pointer), TypeRef> _types = new();
    private readonly Dictionary<string, List<(SchemaNode Node, TypeRef Type)>> _typesByFile = new(StringComparer.Ordinal);
    private readonly List<(SchemaDocument Document, SchemaNode Node, string Name, NamedKind Kind)> _typeCandidates = new();
    private readonly Dictionary<string, List<SchemaProblem>> _problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnionSpec> _unionSpecs = new(StringComparer.Ordinal);

    /// <summary>The discriminator found for each union node, by file and pointer (null: none).</summary>
    private readonly Dictionary<(string Path, string Pointer), string?> _discriminators = new();

    /// <summary>The case name each union branch got, by file and pointer, so the reader finds the case it built.</summary>
    private readonly Dictionary<(string Path, string Pointer), string> _caseNames = new();
    private readonly Dictionary<string, (string Path, LocationInfo Location)> _unionOrigins = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string Pointer), (ValueShape Shape, bool Nullable, JsonLiteral? Const, SchemaNode? Target)?> _resolved = new();
    private readonly string _commonRoot;
    private readonly Dictionary<string, string> _schemaClasses;
    private readonly CancellationToken _cancellationToken;
    private readonly SchemaResources _resources;

    /// <summary>For each file, the files whose references lead to it (built on first use by <see cref="FilesThatReach"/>).</summary>
    private Dictionary<string, HashSet<string>>? _edgesInto;
    private Dictionary<string, HashSet<string>>? _reachers;

    /// <summary>Where each reference leads, by the file and pointer of the node that holds it and the reference (see <c>LookUp</c>).</summary>
    private readonly Dictionary<(string Path, string Pointer, string Reference), ((SchemaDocument Document, SchemaNode Node)? Found, string? WhyNot)> _references = new();

    /// <summary>The nodes that record what they evaluate (see <c>ReportsEvaluation</c>), by file and pointer; built on first use.</summary>
    private HashSet<(string Path, string Pointer)>? _inPlaceBelowUnevaluated;

    /// <summary>The schema node being built, so that a failure can be reported where it happened.</summary>
    private LocationInfo? _workingOn;

    private ContractModelBuilder(ImmutableArray<SchemaDocument> documents, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        var resources = new SchemaResources(documents);
        documents = MetaSchemas.AddReferenced(documents, ref resources);
        var customDialects = false;
        foreach (var document in documents)
        {
            var problems = new List<SchemaProblem>(document.Problems);
            var read = Vocabularies.Apply(document, resources, problems);
            customDialects |= !ReferenceEquals(read, document);
            _documents[document.Path] = read;
            _problems[document.Path] = problems;
        }

        // A file read with a custom meta-schema's vocabularies has other nodes now: index them.
        _resources = customDialects ? new SchemaResources(_documents.Values) : resources;

        // The project's own files decide the common root; embedded meta-schemas lie outside it.
        _commonRoot = SchemaPaths.CommonDirectory(_documents.Keys.Where(path => !MetaSchemas.IsMetaSchema(path)));
        _schemaClasses = NameSchemaClasses(_documents.Values);
    }

    /// <summary>The keyword of a problem that is a failure of this builder, not of a schema.</summary>
    public const string BuilderFailure = "generator";

    public static ImmutableArray<ContractBuildResult> Build(ImmutableArray<SchemaDocument> documents, CancellationToken cancellationToken = default)
    {
        var builder = new ContractModelBuilder(documents, cancellationToken);
        return builder.BuildAll();
    }

    /// <summary>
    /// <see cref="Build"/>, except that a failure of the builder itself never escapes: the compiler host must never see
    /// an exception. A failure while building one file is already a located <see cref="BuilderFailure"/> problem of
    /// that file (the others still build); this catches only what escapes the per-file guards.
    /// </summary>
    public static ImmutableArray<ContractBuildResult> BuildOrReport(ImmutableArray<SchemaDocument> documents, CancellationToken cancellationToken = default)
    {
        try
        {
            return Build(documents, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var commonRoot = SchemaPaths.CommonDirectory(documents.Select(d => d.Path));
            return documents
                .Select(d => new ContractBuildResult(
                    SchemaPaths.RelativeTo(commonRoot, d.Path),
                    null,
                    d.Problems.Items.Add(new SchemaProblem(BuilderFailure, FailureMessage(exception), d.Root?.Location ?? new LocationInfo(d.Path, 0, 0, 0, 0, 0, 0))).ToEquatableArray()))
                .ToImmutableArray();
        }
    }

    private static string FailureMessage(Exception exception) =>
        "The generator failed on this schema (" + exception.GetType().Name + ": " + exception.Message + "). Nothing is generated from it; please report this with the schema.";

    private ImmutableArray<ContractBuildResult> BuildAll()
    {
        var ordered = _documents.Values.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        foreach (var document in ordered)
        {
            if (document.Root is not null && document.Mode == SchemaMode.Contract)
            {
                Guard(document, () => NameTypes(document, document.Root, document.RootTypeCandidate));
            }
        }

        AssignTypeNames();
        ReportReferenceLoops();

        // Build every file, each under its own guard, so that one file's failure is its own problem. A file that already
        // has problems is built too, so that its other problems ($refs, names) are found in the same build, but it
        // produces nothing, and the builder's own failure on it is not reported (the file breaks what it assumes).
        var built = new Dictionary<string, (List<TypeSpec> Types, List<NodeSpec> Nodes)>(StringComparer.Ordinal);
        foreach (var document in ordered)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (document.Root is null)
            {
                continue;
            }

            var readCleanly = !HasErrors(document.Path);
            Guard(
                document,
                () =>
                {
                    var types = BuildTypes(document);
                    var nodes = BuildNodes(document, types);
                    types = types.Select(type => nodes.FirstOrDefault(n => n.OwnType == type.Type) is { } owner ? type with { Reader = owner.OwnTypeMethod } : type).ToList();
                    if (readCleanly)
                    {
                        built[document.Path] = (types, nodes);
                    }
                },
                reportFailure: readCleanly);
        }

        ReportUnionsThatHoldThemselves();
        BlockReferencesToBrokenFiles(ordered);
        KeepReachableReaders(built);

        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = ImmutableArray.CreateBuilder<ContractBuildResult>(_documents.Count);
        foreach (var document in ordered)
        {
            var relative = SchemaPaths.RelativeTo(_commonRoot, document.Path);
            var problems = _problems[document.Path];
            _types.TryGetValue((document.Path, string.Empty), out var rootType);
            var file = !HasErrors(document.Path) && document.Root is not null && built.TryGetValue(document.Path, out var parts)
                ? new ContractFile(
                    UniqueHintName(HintNameFor(relative), hintNames),
                    relative,
                    document.Root.Location.FilePath,
                    document.Namespace,
                    document.Mode,
                    document.Visibility,
                    SchemaClassFor(document),
                    rootType,
                    parts.Types.ToEquatableArray(),
                    parts.Nodes.Select(WithoutTargetsInBrokenFiles).ToEquatableArray())
                : null;
            results.Add(new ContractBuildResult(relative, file, problems.ToEquatableArray()));
        }

        return results.MoveToImmutable();
    }

    /// <summary>
    /// Runs one step of building <paramref name="document"/>; an exception becomes a <see cref="BuilderFailure"/> problem
    /// at the schema node the builder was working on, so the other files still build.
    /// </summary>
    private void Guard(SchemaDocument document, Action step, bool reportFailure = true)
    {
        _workingOn = null;
        try
        {
            step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!reportFailure)
            {
                return;
            }

            var location = _workingOn is { } at && at.FilePath == document.Root?.Location.FilePath
                ? at
                : document.Root?.Location ?? new LocationInfo(document.Path, 0, 0, 0, 0, 0, 0);
            Report(document.Path, BuilderFailure, FailureMessage(exception), location);
        }
    }

    /// <summary>
    /// A union is a struct that stores each case by value, so a union that is (through other unions) one of its own
    /// cases would contain itself: C# cannot lay that out (CS0523). Each union on such a cycle gets a problem.
    /// </summary>
    private void ReportUnionsThatHoldThemselves()
    {
        foreach (var start in _unionSpecs.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var path = FindUnionCycle(start);
            if (path is not null && _unionOrigins.TryGetValue(start, out var origin))
            {
                Report(
                    origin.Path,
                    "anyOf",
                    $"The union '{_unionSpecs[start].Type.Name}' holds itself as a case ({string.Join(" → ", path)}), and a union cannot contain itself; remove that case, or put it inside an object or an array.",
                    origin.Location);
            }
        }
    }

    /// <summary>The names along a chain of union cases from <paramref name="start"/> back to itself, or null.</summary>
    private List<string>? FindUnionCycle(string start)
    {
        var stack = new Stack<(string Union, List<string> Path)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        stack.Push((start, new List<string> { _unionSpecs[start].Type.Name }));
        while (stack.Count > 0)
        {
            var (union, path) = stack.Pop();
            foreach (var @case in _unionSpecs[union].Cases)
            {
                if (@case.Shape is not { Kind: ValueKind.Named, Named: { Kind: NamedKind.Union } named } || !_unionSpecs.ContainsKey(named.FullName))
                {
                    continue;
                }

                var next = new List<string>(path) { named.Name };
                if (named.FullName == start)
                {
                    return next;
                }

                if (seen.Add(named.FullName))
                {
                    stack.Push((named.FullName, next));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A file whose <c>$ref</c> leads into a file with problems would name types that are not generated: it gets a
    /// problem at that <c>$ref</c> too, and so on until no file changes.
    /// </summary>
    private void BlockReferencesToBrokenFiles(List<SchemaDocument> ordered)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var document in ordered)
            {
                if (document.Root is null || HasErrors(document.Path))
                {
                    continue;
                }

                foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root))
                {
                    var broken = FilesReachedBy(document, node).FirstOrDefault(file => file != document.Path && _problems.ContainsKey(file) && HasErrors(file));
                    if (broken is not null)
                    {
                        var keyword = node.Ref is not null ? "$ref" : node.IsRecursiveRef ? "$recursiveRef" : "$dynamicRef";
                        Report(
                            document.Path,
                            keyword,
                            $"The reference '{node.Ref ?? node.DynamicRef}' leads to '{SchemaPaths.RelativeTo(_commonRoot, broken)}', which has problems of its own (see that file); this schema is generated once they are fixed.",
                            (node.Ref is not null ? node.RefLocation : node.DynamicRefLocation) ?? node.Location);
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);
    }

    /// <summary>
    /// A node whose dynamic reference may land in a file that turned out to have problems (and so has no readers) without
    /// those landing places: evaluation can never be inside a resource that was not generated.
    /// </summary>
    private NodeSpec WithoutTargetsInBrokenFiles(NodeSpec node)
    {
        if (node.DynamicRef is not { Targets.IsEmpty: false } dynamic)
        {
            return node;
        }

        var generated = dynamic.Targets.Where(target => !_documents.Values.Any(d => target.Reader.Target == ReaderClassOf(d) && HasErrors(d.Path))).ToEquatableArray();
        return generated.Count == dynamic.Targets.Count ? node : node with { DynamicRef = dynamic with { Targets = generated } };
    }

    /// <summary>The files whose resources can enclose evaluation of a schema in <paramref name="path"/>: those whose references lead there, directly or not (itself included).</summary>
    private HashSet<string> FilesThatReach(string path)
    {
        if (_reachers is null)
        {
            _reachers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var document in _documents.Values.Where(d => d.Root is not null))
            {
                foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root!))
                {
                    foreach (var reference in new[] { node.Ref, node.DynamicRef }.Where(r => r is not null))
                    {
                        if (FindReference(document, node, reference!, node.Location, report: false) is { } target)
                        {
                            if (!edges.TryGetValue(target.Document.Path, out var from))
                            {
                                edges[target.Document.Path] = from = new HashSet<string>(StringComparer.Ordinal);
                            }

                            from.Add(document.Path);
                        }
                    }
                }
            }

            _edgesInto = edges;
        }

        if (!_reachers.TryGetValue(path, out var reachers))
        {
            reachers = new HashSet<string>(StringComparer.Ordinal) { path };
            var pending = new Stack<string>();
            pending.Push(path);
            while (pending.Count > 0)
            {
                if (_edgesInto!.TryGetValue(pending.Pop(), out var from))
                {
                    foreach (var source in from.Where(reachers.Add))
                    {
                        pending.Push(source);
                    }
                }
            }

            _reachers[path] = reachers;
        }

        return reachers;
    }

    /// <summary>The files the references of <paramref name="node"/> can lead to: its <c>$ref</c>'s, and every place its dynamic reference may land.</summary>
    private IEnumerable<string> FilesReachedBy(SchemaDocument document, SchemaNode node)
    {
        if (node.Ref is not null)
        {
            yield return FindReference(document, node, report: false)?.Document.Path ?? SchemaPaths.Resolve(document.Path, node.Ref).File;
        }

        if (node.DynamicRef is not null && FindReference(document, node, node.DynamicRef, node.Location, report: false) is { } target)
        {
            // Only where it lands statically: the dynamic landing places in broken files are dropped instead.
            yield return target.Document.Path;
        }
    }

    private static string HintNameFor(string relativePath)
    {
        var withoutExtension = relativePath.EndsWith(SchemaPaths.Extension, StringComparison.OrdinalIgnoreCase)
            ? relativePath.Substring(0, relativePath.Length - SchemaPaths.Extension.Length)
            : relativePath;
        var safe = new System.Text.StringBuilder(withoutExtension.Length);
        foreach (var c in withoutExtension)
        {
            safe.Append(c == '/' ? '.' : char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return safe + ".g.cs";
    }

    /// <summary>A hint name no other file's has, nor its reader file's (<see cref="ReaderHintName"/>).</summary>
    private static string UniqueHintName(string hintName, HashSet<string> taken)
    {
        var candidate = hintName;
        for (var i = 2; taken.Contains(candidate) || taken.Contains(ReaderHintName(candidate)); i++)
        {
            candidate = hintName.Substring(0, hintName.Length - ".g.cs".Length) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        taken.Add(candidate);
        taken.Add(ReaderHintName(candidate));
        return candidate;
    }

    /// <summary>The hint name of the file that holds a schema file's reader class: <c>v4.LLMConfig.g.cs</c> → <c>v4.LLMConfig.Reader.g.cs</c>.</summary>
    public static string ReaderHintName(string hintName) => hintName.Substring(0, hintName.Length - ".g.cs".Length) + ".Reader.g.cs";

    // ---- naming -------------------------------------------------------------------------------------------

    private void NameTypes(SchemaDocument document, SchemaNode node, string suggestedName)
    {
        _workingOn = node.Location;
        var ownerName = suggestedName;
        var kind = TypeFormingKind(node);
        if (kind is not null)
        {
            // A name that is not an identifier (a file called pet-owner, a member called 1st) becomes one; an explicit
            // x-stagehand-typeName is checked by the reader. Collisions are settled later, for all files at once.
            ownerName = node.TypeName ?? Identifiers.ToIdentifier(suggestedName, "Type");
            _typeCandidates.Add((document, node, ownerName, kind.Value));
        }

        foreach (var definition in node.Definitions)
        {
            NameTypes(document, definition.Schema, definition.Schema.TypeName ?? Identifiers.ToPascalCase(definition.Name));
        }

        foreach (var property in node.Properties)
        {
            NameTypes(document, property.Schema, ownerName + Identifiers.ToPascalCase(property.Name));
        }

        if (node.Items is not null)
        {
            NameTypes(document, node.Items, ownerName + "Item");
        }

        if (node.HasAdditionalPropertiesSchema)
        {
            NameTypes(document, node.AdditionalProperties!, ownerName + "Value");
        }

        var index = 0;
        foreach (var branch in node.Branches)
        {
            index++;
            NameTypes(document, branch, ownerName + (branch.CaseName ?? CaseNameFromSchema(document, node, branch) ?? "Case" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var part in node.AllOf)
        {
            NameTypes(document, part, ownerName);
        }
    }

    /// <summary>Whether a schema becomes a C# type of its own, and which kind.</summary>
    private static NamedKind? TypeFormingKind(SchemaNode node)
    {
        if (node.BooleanValue is not null || node.Ref is not null)
        {
            return null;
        }

        if (node.IsUnion)
        {
            return node.Branches.Count(b => !IsNullSchema(b)) >= 2 && !IsAnyJsonValue(node) ? NamedKind.Union : null;
        }

        if (!node.Enum.IsEmpty)
        {
            var nonNull = node.Enum.Where(v => v.Kind != JsonTypes.Null).ToList();
            if (nonNull.Count > 0 && nonNull.All(v => v.Kind == JsonTypes.String))
            {
                return NamedKind.Enum;
            }

            if (!node.EnumNames.IsEmpty && nonNull.All(v => v.Kind == JsonTypes.Integer))
            {
                return NamedKind.Enum;
            }

            return null;
        }

        if (node.Const is not null)
        {
            return null;
        }

        var types = node.Types & ~JsonTypes.Null;
        if (CountFlags(types) >= 2 && types != (JsonTypes.Integer | JsonTypes.Number))
        {
            return NamedKind.Union;
        }

        var isObject = types == JsonTypes.Object || (types == JsonTypes.None && !node.Properties.IsEmpty);
        var declaresMembers = !node.Properties.IsEmpty || !node.PatternProperties.IsEmpty;
        // An object with an additionalProperties schema and nothing else is a map; with properties or patternProperties,
        // a record whose pattern members and extra members are typed maps beside the declared ones.
        if (isObject && (!node.HasAdditionalPropertiesSchema || declaresMembers) &&
            (declaresMembers || node.RejectsAdditionalProperties || node.UnknownMembers != UnknownMemberHandling.Unspecified))
        {
            return NamedKind.Record;
        }

        return null;
    }

    /// <summary>
    /// Whether a union only spells "any JSON value": one branch per JSON type, all six covered, each asking nothing but
    /// its type, its arrays' items and its objects' values being the union itself or anything (the recursive JSON type
    /// that schema generators write, <c>{"anyOf": [{"type": "string"}, ..., {"type": "array", "items": {"$ref":
    /// "#/$defs/json"}}, ...]}</c>). It is <c>JsonAny</c>, not a union of six cases.
    /// </summary>
    private static bool IsAnyJsonValue(SchemaNode node)
    {
        if (!IsBare(node with { AnyOf = EquatableArray<SchemaNode>.Empty, OneOf = EquatableArray<SchemaNode>.Empty, Definitions = EquatableArray<DefinitionNode>.Empty }))
        {
            return false;
        }

        var exclusive = !node.OneOf.IsEmpty;
        var covered = JsonTypes.None;
        foreach (var branch in node.Branches)
        {
            var types = branch.Types;
            var numeric = (covered | types) & (JsonTypes.Integer | JsonTypes.Number);
            if (types == JsonTypes.None || (types & (types - 1)) != 0 || (exclusive && ((covered & types) != 0 || numeric == (JsonTypes.Integer | JsonTypes.Number))))
            {
                // Not one type per branch, or (in a oneOf) two branches that a value could both match.
                return false;
            }

            if (!IsBare(branch with { Types = JsonTypes.None, Items = types == JsonTypes.Array ? null : branch.Items, AdditionalProperties = types == JsonTypes.Object ? null : branch.AdditionalProperties, PropertyNames = types == JsonTypes.Object ? null : branch.PropertyNames })
                || (types == JsonTypes.Array && !AnythingOrTheUnion(branch.Items))
                || (types == JsonTypes.Object && (!AnythingOrTheUnion(branch.AdditionalProperties) || !(branch.PropertyNames is null or { BooleanValue: true } || (branch.PropertyNames.Types == JsonTypes.String && IsBare(branch.PropertyNames with { Types = JsonTypes.None }))))))
            {
                return false;
            }

            covered |= types;
        }

        const JsonTypes every = JsonTypes.Null | JsonTypes.Boolean | JsonTypes.Object | JsonTypes.Array | JsonTypes.String | JsonTypes.Number;
        return (covered & every) == every;

        bool AnythingOrTheUnion(SchemaNode? child) =>
            child is null || child.BooleanValue == true || IsBare(child) || (child.Ref == "#" + node.Pointer && IsBare(child with { Ref = null, RefLocation = null }));
    }

    /// <summary>Whether a schema asks nothing (annotations aside): <c>{}</c>.</summary>
    private static bool IsBare(SchemaNode node) =>
        node.BooleanValue is null
        && node with { Title = null, Description = null, Texts = EquatableArray<SchemaText>.Empty, Default = null, Deprecated = false, ReadOnly = false, WriteOnly = false } == new SchemaNode { Location = node.Location, Pointer = node.Pointer };

    private static bool IsNullSchema(SchemaNode node) => node.IsNull;

    private static int CountFlags(JsonTypes types)
    {
        var count = 0;
        for (var value = (int)types; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Gives every type its final name: its candidate, or the candidate with the first free number (2, 3, ...) when the
    /// name, or a class generated beside it (its converter, an enum's wire values), is already taken in its namespace
    /// by a schema class, the registry or an earlier type. Earlier means in path order, then in document order, so
    /// the result does not depend on the order files arrive in.
    /// </summary>
    private void AssignTypeNames()
    {
        var taken = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Names(string @namespace)
        {
            if (!taken.TryGetValue(@namespace, out var names))
            {
                taken[@namespace] = names = new HashSet<string>(StringComparer.Ordinal) { GeneratedMemberNames.RegistryClass };
            }

            return names;
        }

        foreach (var document in _documents.Values.Where(d => d.Root is not null))
        {
            Names(document.Namespace).Add(SchemaClassFor(document));
        }

        foreach (var (document, node, candidate, kind) in _typeCandidates)
        {
            var names = Names(document.Namespace);
            var name = candidate;
            for (var number = 2; GeneratedMemberNames.IsReservedTypeName(name, kind) || GeneratedMemberNames.CompanionsOf(name, kind).Any(names.Contains); number++)
            {
                name = candidate + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var companion in GeneratedMemberNames.CompanionsOf(name, kind))
            {
                names.Add(companion);
            }

            if (name != candidate)
            {
                Note(document.Path, "title", $"The type '{candidate}' is '{name}' in C#: '{candidate}' is taken in {document.Namespace} (by another type, a class generated beside one, or a member of its own).", node.Location.FirstCharacter());
            }

            var type = new TypeRef(document.Namespace, name, kind);
            _types[(document.Path, node.Pointer)] = type;
            if (!_typesByFile.TryGetValue(document.Path, out var list))
            {
                _typesByFile[document.Path] = list = new List<(SchemaNode, TypeRef)>();
            }

            list.Add((node, type));
        }
    }

    // ---- types --------------------------------------------------------------------------------------------

    private List<TypeSpec> BuildTypes(SchemaDocument document)
    {
        var specs = new List<TypeSpec>();
        if (!_typesByFile.TryGetValue(document.Path, out var entries))
        {
            return specs;
        }

        foreach (var (node, type) in entries)
        {
            var visibility = document.Visibility;
            TypeSpec? spec = type.Kind switch
            {
                NamedKind.Record => BuildRecord(document, node, type, visibility),
                NamedKind.Enum => BuildEnum(document, node, type, visibility),
                _ => BuildUnion(document, node, type, visibility),
            };
            if (spec is not null)
            {
                specs.Add(spec);
            }
        }

        return specs;
    }

    private RecordSpec BuildRecord(SchemaDocument document, SchemaNode node, TypeRef type, SchemaVisibility visibility)
    {
        var members = new List<MemberSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            var resolved = Resolve(document, property.Schema);
            if (resolved is null)
            {
                continue;
            }

            var (shape, nullable, constant, target) = resolved.Value;
            var wanted = property.Schema.MemberName ?? Identifiers.ToIdentifier(Identifiers.ToPascalCase(property.Name), "Value");
            var name = UniqueName(wanted, candidate => candidate == type.Name || GeneratedMemberNames.IsReservedInRecord(candidate), names);
            if (name != wanted)
            {
                Note(document.Path, "properties", $"The member '{property.Name}' of '{type.Name}' is '{name}' in C#: '{wanted}' is taken (by another member, the type's own name, or a member every generated record has). Its wire name stays '{property.Name}'.", property.NameLocation);
            }

            // A client-only member never comes from the wire, so no reader could set it: it is never required in C#.
            var required = node.Required.Contains(property.Name) && !property.Schema.ClientOnly;
            if (constant is { Kind: JsonTypes.Number } number && !IsFiniteDouble(number.Text))
            {
                Report(document.Path, "const", $"The const {number.Text} of '{property.Name}' does not fit a double.", property.NameLocation);
                continue;
            }

            members.Add(new MemberSpec
            {
                WireName = property.Name,
                Name = name,
                Shape = shape,
                Required = required,
                Nullable = nullable,
                Const = required ? constant : null,
                Description = property.Schema.Description ?? target?.Description,
                ReadOnly = property.Schema.ReadOnly || (target?.ReadOnly ?? false),
                WriteOnly = property.Schema.WriteOnly || (target?.WriteOnly ?? false),
                Sensitive = property.Schema.Sensitive || (target?.Sensitive ?? false),
                ClientOnly = property.Schema.ClientOnly,
                Deprecated = property.Schema.Deprecated || (target?.Deprecated ?? false),
            });
        }

        ValueShape? patternMembers = null;
        if (!node.PatternProperties.IsEmpty)
        {
            patternMembers = PatternMembersOf(document, node);
        }

        ValueShape? additionalMembers = null;
        if (node.HasAdditionalPropertiesSchema)
        {
            // Members beyond the declared ones, each read and checked with the additionalProperties schema.
            if (Resolve(document, node.AdditionalProperties!) is { } extra)
            {
                additionalMembers = new ValueShape { Kind = ValueKind.Map, Element = extra.Shape, ElementNullable = extra.Nullable && extra.Shape.Kind != ValueKind.Any };
            }
        }
        else if (node.EffectiveUnknownMembers == UnknownMemberHandling.Keep)
        {
            additionalMembers = new ValueShape { Kind = ValueKind.Map, Element = new ValueShape { Kind = ValueKind.Any } };
        }

        return new RecordSpec
        {
            Type = type,
            Description = node.Description,
            Visibility = visibility,
            Deprecated = node.Deprecated,
            ChecksOnTheWire = NeedsWireCheck(document, node),
            Members = members.ToEquatableArray(),
            AdditionalMembers = additionalMembers,
            AdditionalMembersTyped = node.HasAdditionalPropertiesSchema,
            PatternMembers = patternMembers,
            MemberPatterns = node.PatternProperties.Select(p => p.Pattern).ToEquatableArray(),
            UnknownMembers = node.EffectiveUnknownMembers,
            Persisted = node.Persisted,
            Mirrors = node.Mirrors,
            RequestFor = node.RequestFor,
        };
    }

    /// <summary>
    /// The map of a record's pattern members: of the C# type every pattern's schema reads (without the constraints of
    /// any one pattern, since a member matches some patterns and not others; the reader checks each), or of
    /// <c>JsonAny</c> when the patterns read different types.
    /// </summary>
    private ValueShape PatternMembersOf(SchemaDocument document, SchemaNode node)
    {
        ValueShape? common = null;
        var nullable = false;
        foreach (var pattern in node.PatternProperties)
        {
            if (Resolve(document, pattern.Schema) is not { } resolved || resolved.Shape.Kind == ValueKind.Any)
            {
                common = null;
                break;
            }

            var shape = resolved.Shape.WithoutConstraints();
            if (common is null)
            {
                (common, nullable) = (shape, resolved.Nullable);
            }
            else if (common != shape || nullable != resolved.Nullable)
            {
                common = null;
                break;
            }
        }

        return common is null
            ? new ValueShape { Kind = ValueKind.Map, Element = AnyShape }
            : new ValueShape { Kind = ValueKind.Map, Element = common, ElementNullable = nullable };
    }

    private EnumSpec BuildEnum(SchemaDocument document, SchemaNode node, TypeRef type, SchemaVisibility visibility)
    {
        var values = new List<EnumValueSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<int>();
        var index = 0;
        foreach (var literal in node.Enum)
        {
            var position = index++;
            if (literal.Kind == JsonTypes.Null)
            {
                continue;
            }

            // The reader reports an x-stagehand-enumNames of another length than the enum, and such a file is not built.
            var wanted = position < node.EnumNames.Count ? node.EnumNames[position] : Identifiers.ToIdentifier(Identifiers.ToPascalCase(literal.Text), "Value");
            var name = UniqueName(wanted, candidate => candidate == type.Name || GeneratedMemberNames.IsReservedInEnum(candidate), names);
            if (name != wanted)
            {
                Note(document.Path, "enum", $"The value {literal.Text} of '{type.Name}' is '{name}' in C#: '{wanted}' is taken (by another value, or a member every enum has).", node.Location);
            }

            if (literal.Kind != JsonTypes.String)
            {
                if (!int.TryParse(literal.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    Report(document.Path, "enum", $"The enum value {literal.Text} of '{type.Name}' is not a 32-bit integer.", node.Location);
                    continue;
                }

                // 0 and -0 are one JSON value: the first spelling names it, and the reader accepts both.
                if (!numbers.Add(number))
                {
                    names.Remove(name);
                    continue;
                }
            }

            values.Add(new EnumValueSpec(name, literal));
        }

        return new EnumSpec
        {
            Type = type,
            Description = node.Description,
            Visibility = visibility,
            Deprecated = node.Deprecated,
            Values = values.ToEquatableArray(),
            IsNumeric = values.Count > 0 && values[0].Value.Kind != JsonTypes.String,
        };
    }

    private UnionSpec? BuildUnion(SchemaDocument document, SchemaNode node, TypeRef type, SchemaVisibility visibility)
    {
        var cases = new List<UnionCaseSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (node.IsUnion)
        {
            foreach (var branch in node.Branches)
            {
                if (IsNullSchema(branch))
                {
                    continue;
                }

                var resolved = Resolve(document, branch);
                if (resolved is null)
                {
                    continue;
                }

                var (shape, _, _, target) = resolved.Value;
                var fields = new HashSet<string>(names.Select(GeneratedMemberNames.UnionCaseField), StringComparer.Ordinal);
                var wanted = branch.CaseName ?? target?.CaseName ?? CaseNameFromSchema(document, node, branch) ?? DefaultCaseName(shape);
                var name = UniqueName(
                    wanted,
                    candidate => GeneratedMemberNames.UnionCaseMembers(candidate).Any(member => member == type.Name || GeneratedMemberNames.IsReservedInUnion(member)),
                    names,
                    candidate => fields.Contains(GeneratedMemberNames.UnionCaseField(candidate)));
                if (name != wanted)
                {
                    Note(document.Path, node.OneOf.IsEmpty ? "anyOf" : "oneOf", $"A case of '{type.Name}' is '{name}' in C#: '{wanted}' is taken (by another case, or a member every generated union has).", branch.Location);
                }

                _caseNames[(document.Path, branch.Pointer)] = name;
                string? discriminatorValue = null;
                var discriminator = DiscriminatorOf(document, node);
                if (discriminator is not null)
                {
                    discriminatorValue = DiscriminatorValue(document, branch, discriminator);
                    if (discriminatorValue is null)
                    {
                        Report(document.Path, "x-stagehand-discriminator", $"The case '{name}' of '{type.Name}' has no required string const member '{discriminator}'.", branch.Location);
                    }
                }

                cases.Add(new UnionCaseSpec(name, shape, discriminatorValue));
            }
        }
        else
        {
            foreach (var single in new[] { JsonTypes.Boolean, JsonTypes.Integer, JsonTypes.Number, JsonTypes.String, JsonTypes.Array, JsonTypes.Object })
            {
                if ((node.Types & single) == 0)
                {
                    continue;
                }

                var shape = PrimitiveShape(document, node with { Types = single }, new HashSet<(string, string)>());
                if (shape is not null)
                {
                    cases.Add(new UnionCaseSpec(DefaultCaseName(shape), shape, null));
                }
            }
        }

        var spec = new UnionSpec
        {
            Type = type,
            Description = node.Description,
            Visibility = visibility,
            Deprecated = node.Deprecated,
            ChecksOnTheWire = NeedsWireCheck(document, node),
            Cases = cases.ToEquatableArray(),
            Discriminator = DiscriminatorOf(document, node),
        };
        _unionSpecs[type.FullName] = spec;
        _unionOrigins[type.FullName] = (document.Path, node.Location);
        return spec;
    }

    /// <summary>
    /// <paramref name="candidate"/>, or, when it is reserved, <paramref name="candidate"/> + <c>Value</c>; then the first
    /// numbered form (2, 3, ...) that is neither reserved nor in <paramref name="taken"/>, which it is added to. Wire
    /// names stay as written; only the C# name moves, the same way on every build.
    /// </summary>
    private static string UniqueName(string candidate, Func<string, bool> reserved, HashSet<string> taken, Func<string, bool>? alsoTaken = null)
    {
        var stem = reserved(candidate) ? candidate + "Value" : candidate;
        var name = stem;
        for (var number = 2; reserved(name) || taken.Contains(name) || (alsoTaken?.Invoke(name) ?? false); number++)
        {
            name = stem + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(name);
        return name;
    }

    private static bool IsFiniteDouble(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && !double.IsInfinity(value) && !double.IsNaN(value);

    private static string DefaultCaseName(ValueShape shape) => shape.Kind switch
    {
        ValueKind.Named => shape.Named!.Name,
        ValueKind.Int32 or ValueKind.Int64 => "Integer",
        ValueKind.Double => "Number",
        ValueKind.List => "List",
        ValueKind.Map => "Map",
        ValueKind.Tuple => "Tuple",
        _ => shape.Kind.ToString(),
    };

    /// <summary>
    /// The member that tells the cases of a union apart: the one <c>x-stagehand-discriminator</c> (or OpenAPI's
    /// <c>discriminator.propertyName</c>) names, else the first member that every object case requires with a string
    /// <c>const</c> (or a one-value <c>enum</c>) of its own, different in each case (JSON-RPC's <c>method</c>, a
    /// <c>type</c> tag). Null when there is none; it changes no verdict, only how the reader finds the case.
    /// </summary>
    private string? DiscriminatorOf(SchemaDocument document, SchemaNode union)
    {
        if (union.Discriminator is not null || !union.IsUnion)
        {
            return union.Discriminator;
        }

        var key = (document.Path, union.Pointer);
        if (!_discriminators.TryGetValue(key, out var found))
        {
            found = UnionDiscriminators.Find(document, union, DereferenceFromStart);
            _discriminators[key] = found;
        }

        return found;
    }

    /// <summary>A case's name from the schema itself: its discriminator value (<c>stagehand.init</c> → <c>StagehandInit</c>), else its title.</summary>
    private string? CaseNameFromSchema(SchemaDocument document, SchemaNode union, SchemaNode branch)
    {
        var discriminator = DiscriminatorOf(document, union);
        var text = (discriminator is null ? null : DiscriminatorValue(document, branch, discriminator)) ?? branch.Title;
        return text is null ? null : Identifiers.ToIdentifier(Identifiers.ToPascalCase(text, "Case"), "Case");
    }

    private string? DiscriminatorValue(SchemaDocument document, SchemaNode branch, string discriminator) =>
        UnionDiscriminators.ValueOf(document, branch, discriminator, DereferenceFromStart);

    private (SchemaDocument? Document, SchemaNode? Node) DereferenceFromStart(SchemaDocument document, SchemaNode node) =>
        Dereference(document, node, new HashSet<(string, string)>());

    // ---- shapes -------------------------------------------------------------------------------------------

    /// <summary>
    /// <see cref="Resolve(SchemaDocument, SchemaNode, HashSet{ValueTuple{string, string}})"/> from a fresh start, once per
    /// node: types, members, union cases and readers all ask for the same nodes.
    /// </summary>
    private (ValueShape Shape, bool Nullable, JsonLiteral? Const, SchemaNode? Target)? Resolve(SchemaDocument document, SchemaNode node)
    {
        _workingOn = node.Location;
        var key = (document.Path, node.Pointer);
        if (!_resolved.TryGetValue(key, out var resolved))
        {
            resolved = Resolve(document, node, new HashSet<(string, string)>());
            _resolved[key] = resolved;
        }

        return resolved;
    }

    /// <summary>The C# shape of a schema, whether it admits null, its const, and the schema a $ref led to.</summary>
    private (ValueShape Shape, bool Nullable, JsonLiteral? Const, SchemaNode? Target)? Resolve(
        SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting)
    {
        if (IsOnShapeLoop(document, node) && !_inPlaceLoops.Contains((document.Path, node.Pointer)))
        {
            return (new ValueShape { Kind = ValueKind.Any }, false, null, null);
        }

        if (node.Ref is not null)
        {
            var target = FindReference(document, node);
            if (target is null)
            {
                return null;
            }

            if (!visiting.Add((target.Value.Document.Path, target.Value.Node.Pointer)))
            {
                // A loop applied in place, reported once where it starts by ReportReferenceLoops (a loop through items
                // or maps never gets here: IsOnShapeLoop made it JSON).
                return null;
            }

            var inner = Resolve(target.Value.Document, target.Value.Node, visiting);
            return inner is null ? null : (inner.Value.Shape, inner.Value.Nullable, inner.Value.Const, target.Value.Node);
        }

        if (_types.TryGetValue((document.Path, node.Pointer), out var type))
        {
            var nullable = node.IsUnion
                ? node.Branches.Any(IsNullSchema)
                : (node.Types & JsonTypes.Null) != 0 || node.Enum.Any(v => v.Kind == JsonTypes.Null);
            return (new ValueShape { Kind = ValueKind.Named, Named = type }, nullable, null, null);
        }

        if (node.BooleanValue is not null)
        {
            // true admits any value; false admits none (a member that must be absent): either way the C# value is JSON,
            // and the reader of false rejects whatever is there.
            return (new ValueShape { Kind = ValueKind.Any }, false, null, null);
        }

        if (IsAnyJsonValue(node))
        {
            return (new ValueShape { Kind = ValueKind.Any }, false, null, null);
        }

        if (node.IsUnion)
        {
            var nonNull = node.Branches.Where(b => !IsNullSchema(b)).ToList();
            var nullable = nonNull.Count < node.Branches.Count;
            if (nonNull.Count == 0)
            {
                Report(document.Path, node.OneOf.IsEmpty ? "anyOf" : "oneOf", "A union of only null cannot be generated.", node.Location);
                return null;
            }

            var inner = Resolve(document, nonNull[0], visiting);
            return inner is null ? null : (inner.Value.Shape, nullable || inner.Value.Nullable, inner.Value.Const, inner.Value.Target ?? nonNull[0]);
        }

        if (node.AllOf.Count == 1 && node.Types == JsonTypes.None)
        {
            var inner = Resolve(document, node.AllOf[0], visiting);
            return inner is null ? null : (inner.Value.Shape, inner.Value.Nullable, inner.Value.Const, inner.Value.Target ?? node.AllOf[0]);
        }

        if (node.AllOf.Count > 1)
        {
            // Several branches: no one C# type is precise, so the value is JSON; every branch still validates it.
            return (new ValueShape { Kind = ValueKind.Any }, false, null, null);
        }

        var isNullable = (node.Types & JsonTypes.Null) != 0;
        var shape = PrimitiveShape(document, node, visiting);
        if (shape is null)
        {
            return null;
        }

        return (shape, isNullable || node.Const is { Kind: JsonTypes.Null }, node.Const, null);
    }

    private ValueShape? PrimitiveShape(SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting)
    {
        var types = node.Types & ~JsonTypes.Null;
        if (types == JsonTypes.None)
        {
            types = node.Const is not null ? node.Const.Kind
                : !node.Enum.IsEmpty ? node.Enum.Where(v => v.Kind != JsonTypes.Null).Aggregate(JsonTypes.None, (all, v) => all | v.Kind)
                : JsonTypes.None;
            if (types == (JsonTypes.Integer | JsonTypes.Number))
            {
                types = JsonTypes.Number;
            }
        }

        var constrained = new ValueShape
        {
            Kind = ValueKind.Any,
            Format = document.AssertedFormat(node),
            Pattern = node.Pattern,
            Minimum = node.Minimum,
            MultipleOf = node.MultipleOf,
            Maximum = node.Maximum,
            ExclusiveMinimum = node.ExclusiveMinimum,
            ExclusiveMaximum = node.ExclusiveMaximum,
            MinLength = node.MinLength,
            MaxLength = node.MaxLength,
            MinItems = node.MinItems,
            MaxItems = node.MaxItems,
            AllowedValues = node.Enum,
        };

        switch (types)
        {
            case JsonTypes.None:
                return constrained;
            case JsonTypes.String:
                return constrained with
                {
                    Kind = document.AssertedFormat(node) switch
                    {
                        "uuid" => ValueKind.Guid,
                        "date-time" => ValueKind.DateTimeOffset,
                        "uri" => ValueKind.Uri,
                        _ => ValueKind.String,
                    },
                };
            case JsonTypes.Boolean:
                return constrained with { Kind = ValueKind.Boolean };
            case JsonTypes.Integer:
                return constrained with { Kind = FitsInt32(node) ? ValueKind.Int32 : ValueKind.Int64 };
            case JsonTypes.Number:
            case JsonTypes.Integer | JsonTypes.Number:
                return constrained with { Kind = ValueKind.Double };
            case JsonTypes.Array:
                if (!node.PrefixItems.IsEmpty)
                {
                    // Items typed by position: a C# value tuple when the count is fixed, else a JSON array validated item by item.
                    return TupleOf(document, node) is { } tuple ? constrained with { Kind = ValueKind.Tuple, TupleItems = tuple } : constrained;
                }

                if (node.Items is null)
                {
                    return constrained with { Kind = ValueKind.List, Element = new ValueShape { Kind = ValueKind.Any } };
                }

                var item = Resolve(document, node.Items, visiting);
                // JsonAny holds null itself, so an element of any value is never a nullable JsonAny (as for nodes).
                return item is null ? null : constrained with { Kind = ValueKind.List, Element = item.Value.Shape, ElementNullable = item.Value.Nullable && item.Value.Shape.Kind != ValueKind.Any };
            case JsonTypes.Object:
                if (!node.Properties.IsEmpty && node.HasAdditionalPropertiesSchema)
                {
                    Report(document.Path, "additionalProperties", "An object with both 'properties' and an 'additionalProperties' schema cannot be generated yet.", node.Location);
                    return null;
                }

                if (!node.PatternProperties.IsEmpty)
                {
                    // Members typed by name pattern: a JSON object, validated member by member.
                    return constrained;
                }

                if (!node.HasAdditionalPropertiesSchema)
                {
                    return constrained with { Kind = ValueKind.Map, Element = new ValueShape { Kind = ValueKind.Any } };
                }

                var value = Resolve(document, node.AdditionalProperties!, visiting);
                return value is null ? null : constrained with { Kind = ValueKind.Map, Element = value.Value.Shape, ElementNullable = value.Value.Nullable && value.Value.Shape.Kind != ValueKind.Any };
            default:
                // Several types (string or number): no one C# type holds them, so the value is JSON, validated as declared.
                return constrained;
        }
    }

    /// <summary>
    /// The positions of a <c>prefixItems</c> array that no item can follow (<c>items: false</c>, or <c>maxItems</c> at the
    /// count): each is required up to <c>minItems</c> and optional after it. Null when no C# value tuple fits: more items
    /// may follow, an optional position admits null (absent and null would be one C# value), or an item is a union. A
    /// union is a struct that stores its cases by value, and so is a tuple: a union with a case of such a tuple could
    /// contain itself, which C# cannot lay out (CS0523).
    /// </summary>
    private EquatableArray<TupleItem>? TupleOf(SchemaDocument document, SchemaNode node)
    {
        var count = node.PrefixItems.Count;
        if (node.Items is not { BooleanValue: false } && !(node.MaxItems <= count))
        {
            return null;
        }

        var items = new List<TupleItem>();
        for (var i = 0; i < count; i++)
        {
            if (Resolve(document, node.PrefixItems[i]) is not { } resolved)
            {
                return null;
            }

            var nullable = resolved.Nullable && resolved.Shape.Kind != ValueKind.Any;
            var optional = i >= (node.MinItems ?? 0);
            if ((nullable && optional) || HoldsUnion(resolved.Shape))
            {
                return null;
            }

            items.Add(new TupleItem(resolved.Shape, nullable, optional));
        }

        return items.ToEquatableArray();
    }

    private static bool HoldsUnion(ValueShape shape) =>
        shape.Named is { Kind: NamedKind.Union } || shape.TupleItems.Any(item => HoldsUnion(item.Shape));

    private static bool FitsInt32(SchemaNode node)
    {
        static double? Parse(string? text) =>
            text is not null && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

        var low = Parse(node.Minimum) ?? Parse(node.ExclusiveMinimum);
        var high = Parse(node.Maximum) ?? Parse(node.ExclusiveMaximum);
        if (!node.Enum.IsEmpty)
        {
            var values = node.Enum.Select(v => Parse(v.Text)).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (values.Count > 0 && values.Count == node.Enum.Count(v => v.Kind != JsonTypes.Null))
            {
                low = values.Min();
                high = values.Max();
            }
        }

        return low is not null && high is not null && low >= int.MinValue && high <= int.MaxValue;
    }

    // ---- references ---------------------------------------------------------------------------------------

    /// <summary>Follows $ref (and single-branch wrappers) to the schema that says what a value is.</summary>
    private (SchemaDocument? Document, SchemaNode? Node) Dereference(SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting)
    {
        while (node.Ref is not null)
        {
            var target = FindReference(document, node, report: false);
            if (target is null || !visiting.Add((target.Value.Document.Path, target.Value.Node.Pointer)))
            {
                return (null, null);
            }

            (document, node) = target.Value;
        }

        return (document, node);
    }

    private (SchemaDocument Document, SchemaNode Node)? FindReference(SchemaDocument document, SchemaNode node, bool report = true) =>
        FindReference(document, node, node.Ref!, node.RefLocation ?? node.Location, report);

    /// <summary>The schema <paramref name="reference"/>, written in <paramref name="node"/>, names; reported at <paramref name="location"/> when not found.</summary>
    private (SchemaDocument Document, SchemaNode Node)? FindReference(SchemaDocument document, SchemaNode node, string reference, LocationInfo location, bool report)
    {
        var (found, whyNot) = LookUp(document, node, reference);
        if (found is null && report)
        {
            Report(document.Path, "$ref", whyNot!, location);
        }

        return found;
    }

    /// <summary>
    /// Where a reference leads, or why it leads nowhere: looked up once per node and reference, since the passes
    /// (shapes, readers, loops, reachability, unevaluated checks) all follow the same references.
    /// </summary>
    private ((SchemaDocument Document, SchemaNode Node)? Found, string? WhyNot) LookUp(SchemaDocument document, SchemaNode node, string reference)
    {
        var key = (document.Path, node.Pointer, reference);
        if (!_references.TryGetValue(key, out var result))
        {
            result = LookUpOnce(document, node, reference);
            _references[key] = result;
        }

        return result;
    }

    private ((SchemaDocument Document, SchemaNode Node)? Found, string? WhyNot) LookUpOnce(SchemaDocument document, SchemaNode node, string reference)
    {
        // First as JSON Schema says: the reference resolved against the base URI around it, among the files' URIs, $ids and anchors.
        var absolute = _resources.Absolute(document, node, reference);
        if (_resources.Find(absolute) is { } located)
        {
            return ((located.Document, located.Node), null);
        }

        var (resource, fragment) = UriReferences.SplitFragment(absolute);
        if (_resources.Find(resource) is { } container)
        {
            var where = container.Node.Pointer.Length == 0 ? $"'{container.Document.Path}'" : $"'{resource}' (at {container.Node.Pointer} in '{container.Document.Path}')";
            return (null, $"The reference '{reference}' names '#{Uri.UnescapeDataString(fragment)}', which does not exist in {where}.");
        }

        if (UriReferences.IsAbsolute(reference))
        {
            return (null, $"The reference '{reference}' was not found: no schema file of the build is known by '{resource}' (by its $id, or the StagehandSchemaUri metadata it is given). Nothing is fetched from the network: add the schema it names to the project.");
        }

        // Then by path, relative to the file: a file with an $id may still refer to its neighbours by their file names.
        var (file, pathFragment) = SchemaPaths.Resolve(document.Path, reference);
        if (!_documents.TryGetValue(file, out var target))
        {
            return (null, $"The reference '{reference}' was not found: looked for the schema file '{file}' among the project's schema files (AdditionalFiles ending in .schema.json).");
        }

        if (target.Root is null)
        {
            return (null, $"The reference '{reference}' names '{file}', which could not be read.");
        }

        var found = SchemaPointers.Find(target.Root, pathFragment);
        return found is null
            ? (null, $"The reference '{reference}' names '#{pathFragment}', which does not exist in '{file}'.")
            : ((target, found), null);
    }

    /// <summary>Whether the file has a problem that is not a note: one that stops its generation.</summary>
    private bool HasErrors(string path) => _problems[path].Exists(problem => !problem.IsNote);

    /// <summary>Adds a note (STH0007), which stops nothing.</summary>
    private void Note(string path, string keyword, string message, LocationInfo location)
    {
        var note = new SchemaProblem(keyword, message, location, IsNote: true);
        if (!_problems[path].Contains(note))
        {
            _problems[path].Add(note);
        }
    }

    private void Report(string path, string keyword, string message, LocationInfo location)
    {
        var problems = _problems[path];
        var problem = new SchemaProblem(keyword, message, location);
        if (!problems.Contains(problem))
        {
            problems.Add(problem);
        }
    }
}
