using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>The reader model: one <see cref="NodeSpec"/> for every schema node of a file.</summary>
internal sealed partial class ContractModelBuilder
{
    private static readonly ValueShape AnyShape = new() { Kind = ValueKind.Any };

    /// <summary>The class that holds a file's readers: <c>PetSchema</c>, numbered when two files of a namespace share a stem.</summary>
    private string SchemaClassFor(SchemaDocument document) => _schemaClasses[document.Path];

    /// <summary>The fully qualified class of a file's readers, as a <see cref="MethodRef"/> names it.</summary>
    private string ReaderClassOf(SchemaDocument document) => "global::" + document.Namespace + "." + SchemaClassFor(document);

    private static Dictionary<string, string> NameSchemaClasses(IEnumerable<SchemaDocument> documents)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<(string, string)>();
        foreach (var document in documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var stem = Identifiers.ToIdentifier(document.FileStem, "Schema");
            var name = stem + GeneratedMemberNames.SchemaClassSuffix;
            for (var number = 2; !taken.Add((document.Namespace, name)); number++)
            {
                name = stem + number.ToString(CultureInfo.InvariantCulture) + GeneratedMemberNames.SchemaClassSuffix;
            }

            classes[document.Path] = name;
        }

        return classes;
    }

    private List<NodeSpec> BuildNodes(SchemaDocument document, List<TypeSpec> types)
    {
        var nodes = new List<NodeSpec>();
        var records = new Dictionary<string, RecordSpec>(StringComparer.Ordinal);
        foreach (var record in types.OfType<RecordSpec>())
        {
            // AssignTypeNames keeps type names unique; should two records still share one, the last wins, never a crash.
            records[record.Type.FullName] = record;
        }

        foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root!))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _workingOn = node.Location;
            var spec = BuildNode(document, node, records, types);
            if (spec is not null)
            {
                nodes.Add(spec);
            }
        }

        return nodes;
    }

    private NodeSpec? BuildNode(SchemaDocument document, SchemaNode node, Dictionary<string, RecordSpec> records, List<TypeSpec> types)
    {
        var contract = document.Mode == SchemaMode.Contract;
        ValueShape shape;
        var nullable = false;
        if (contract && node.BooleanValue is null)
        {
            var resolved = Resolve(document, node);
            if (resolved is null)
            {
                return null;
            }

            shape = resolved.Value.Shape;
            nullable = resolved.Value.Nullable && shape.Kind != ValueKind.Any;
        }
        else
        {
            shape = AnyShape;
        }

        _types.TryGetValue((document.Path, node.Pointer), out var ownType);
        RecordSpec? record = null;
        if (ownType is { Kind: NamedKind.Record })
        {
            records.TryGetValue(ownType.FullName, out record);
        }

        var spec = new NodeSpec
        {
            Method = ReaderNameFor(document, node),
            Shape = shape,
            Nullable = nullable,
            Value = new ReadType(shape.CSharpType, nullable),
            BooleanSchema = node.BooleanValue,
            DeclaredTypes = node.Types,
            MinLength = node.MinLength?.ToString(CultureInfo.InvariantCulture),
            MaxLength = node.MaxLength?.ToString(CultureInfo.InvariantCulture),
            Pattern = node.Pattern,
            Format = document.AssertedFormat(node),
            Minimum = node.Minimum,
            MultipleOf = node.MultipleOf,
            Maximum = node.Maximum,
            ExclusiveMinimum = node.ExclusiveMinimum,
            ExclusiveMaximum = node.ExclusiveMaximum,
            Enum = node.Enum,
            EmptyEnum = node.EmptyEnum,
            Const = node.Const,
            MinItems = node.MinItems,
            MaxItems = node.MaxItems,
            OwnType = ownType,
            NonNullMethod = ownType is not null && nullable ? GeneratedMemberNames.NonNullReader(ReaderNameFor(document, node)) : null,
            EnumValues = ownType is { Kind: NamedKind.Enum }
                ? types.OfType<EnumSpec>().FirstOrDefault(e => e.Type == ownType)?.Values ?? EquatableArray<EnumValueSpec>.Empty
                : EquatableArray<EnumValueSpec>.Empty,
        };

        var ownsShape = node.Ref is null && node.DynamicRef is null && !node.IsUnion && node.AllOf.IsEmpty;
        var propertyNames = PropertyNameCheckOf(document, node);
        var hasObjectKeywords = !node.Properties.IsEmpty || node.AdditionalProperties is not null || !node.Required.IsEmpty
            || node.UnknownMembers != UnknownMemberHandling.Unspecified || record is not null || (ownsShape && shape.Kind == ValueKind.Map)
            || propertyNames is not null || !node.PatternProperties.IsEmpty;
        var allOf = node.AllOf;
        var reference = node.Ref is null ? null : ReferenceReader(document, node);
        if (contract && reference is null && allOf.Count == 1)
        {
            reference = LocalReader(document, allOf[0]);
            allOf = EquatableArray<SchemaNode>.Empty;
        }

        spec = spec with
        {
            OwnsShape = ownsShape,
            HasObjectKeywords = hasObjectKeywords,
            Members = node.Properties.Select(p => MemberReader(document, node, p, record))
                .Concat(node.Required.Where(name => node.Properties.All(p => p.Name != name)).Select(name => new NodeMember { WireName = name, Required = true }))
                .ToEquatableArray(),
            UnknownMembers = contract ? node.EffectiveUnknownMembers : node.RejectsAdditionalProperties ? UnknownMemberHandling.Reject : UnknownMemberHandling.Drop,
            AdditionalProperties = node.HasAdditionalPropertiesSchema ? LocalReader(document, node.AdditionalProperties!) : null,
            PropertyNames = propertyNames,
            AdditionalMemberType = record?.AdditionalMembers is { Element: { } element } extras
                ? element.CSharpType + (extras.ElementNullable ? "?" : string.Empty)
                : null,
            PatternMemberType = record?.PatternMembers is { Element: { } patternElement } patternMembers
                ? new ReadType(patternElement.CSharpType, patternMembers.ElementNullable)
                : null,
            ReadOnlyMembers = ReadOnlyMembersOf(document, node),
            Items = node.Items is null ? null : LocalReader(document, node.Items),
            AllOf = allOf.Select(b => LocalReader(document, b)).ToEquatableArray(),
            Ref = reference,
            RefEntersScope = node.Ref is null ? null : ScopeEnteredBy(document, node, FindReference(document, node, report: false)),
            DynamicRef = DynamicReferenceOf(document, node),
            EntersScope = SchemaResources.IsResourceRoot(node) ? _resources.DynamicScopeId(_resources.ResourceOf(document, node)) : null,
            PrefixItems = node.PrefixItems.Select(p => LocalReader(document, p)).ToEquatableArray(),
            Contains = node.Contains is null ? null : LocalReader(document, node.Contains),
            MinContains = node.Contains is null ? 1 : node.MinContains ?? 1,
            MaxContains = node.Contains is null ? null : node.MaxContains,
            UniqueItems = node.UniqueItems,
            PatternProperties = node.PatternProperties
                .Select((p, index) => new PatternMemberCheck(p.Pattern, GeneratedMemberNames.PatternField(ReaderNameFor(document, node), index), LocalReader(document, p.Schema)))
                .ToEquatableArray(),
            MinProperties = node.MinProperties,
            MaxProperties = node.MaxProperties,
            DependentRequired = node.DependentRequired,
            DependentSchemas = node.DependentSchemas.Select(d => new DependentSchemaCheck(d.Name, LocalReader(document, d.Schema))).ToEquatableArray(),
            UnevaluatedProperties = node.UnevaluatedProperties is null or { BooleanValue: not null } ? null : LocalReader(document, node.UnevaluatedProperties),
            RejectsUnevaluatedProperties = node.UnevaluatedProperties is { BooleanValue: false },
            UnevaluatedItems = node.UnevaluatedItems is null or { BooleanValue: not null } ? null : LocalReader(document, node.UnevaluatedItems),
            RejectsUnevaluatedItems = node.UnevaluatedItems is { BooleanValue: false },
            HasUnevaluatedProperties = node.UnevaluatedProperties is not null,
            HasUnevaluatedItems = node.UnevaluatedItems is not null,
            ReportsEvaluation = ReportsEvaluation(document, node),
            HasAdditionalProperties = node.AdditionalProperties is not null,
            ContainsEvaluatesItems = document.Dialect == SchemaReader.Draft202012,
            Not = node.Not is null ? null : LocalReader(document, node.Not),
            If = node.If is null ? null : LocalReader(document, node.If),
            Then = node.If is null || node.Then is null ? null : LocalReader(document, node.Then),
            Else = node.If is null || node.Else is null ? null : LocalReader(document, node.Else),
        };

        if (node.IsUnion)
        {
            var nonNull = node.Branches.Where(b => !IsNullSchema(b)).ToList();
            if (contract && ownType is { Kind: NamedKind.Union } && _unionSpecs.TryGetValue(ownType.FullName, out var union))
            {
                var cases = new List<UnionCaseReader>();
                foreach (var branch in nonNull)
                {
                    var match = _caseNames.TryGetValue((document.Path, branch.Pointer), out var caseName)
                        ? union.Cases.FirstOrDefault(c => c.Name == caseName)
                        : null;
                    if (match is not null)
                    {
                        var (required, consts) = RequiredShape(document, branch);
                        var reader = LocalReader(document, branch);
                        var readsNullable = reader.Value.Nullable;
                        cases.Add(new UnionCaseReader(match.Name, reader, match.DiscriminatorValue)
                        {
                            RequiredMembers = required,
                            RequiredConsts = consts,
                            Conversion = !readsNullable ? CaseValueConversion.None
                                : match.Shape.IsValueType ? CaseValueConversion.ValueOrDefault
                                : CaseValueConversion.NullForgiving,
                        });
                    }
                }

                spec = spec with
                {
                    Composition = CompositionKind.Union,
                    Cases = cases.ToEquatableArray(),
                    ExactlyOneCase = !node.OneOf.IsEmpty,
                    Discriminator = DiscriminatorOf(document, node),
                };
            }
            else if (contract && nonNull.Count == 1)
            {
                spec = spec with { Composition = CompositionKind.NullableWrapper, Wrapped = LocalReader(document, nonNull[0]) };
            }
            else
            {
                // anyOf and oneOf can stand side by side: each keeps its own branches.
                spec = spec with
                {
                    Composition = CompositionKind.Validation,
                    AnyOf = node.AnyOf.Select(b => LocalReader(document, b)).ToEquatableArray(),
                    OneOf = node.OneOf.Select(b => LocalReader(document, b)).ToEquatableArray(),
                };
            }
        }

        return spec;
    }

    /// <summary>
    /// What <c>propertyNames</c> asks of every member name: nothing for a <c>true</c> schema, a rejection of every name
    /// for a <c>false</c> one, else a reading of the name as a string with the subschema's own reader.
    /// </summary>
    private PropertyNameCheck? PropertyNameCheckOf(SchemaDocument document, SchemaNode node)
    {
        var names = node.PropertyNames;
        if (names is null || names.BooleanValue == true)
        {
            return null;
        }

        return names.BooleanValue == false
            ? new PropertyNameCheck(null, RejectsEveryName: true)
            : new PropertyNameCheck(LocalReader(document, names), RejectsEveryName: false);
    }

    /// <summary>
    /// Whether <paramref name="node"/> can be applied in place (through <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>,
    /// <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c> or a reference, any number of times) below a node with
    /// <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>, or is one: only such nodes record what they evaluate.
    /// </summary>
    private bool ReportsEvaluation(SchemaDocument document, SchemaNode node)
    {
        if (_inPlaceBelowUnevaluated is null)
        {
            _inPlaceBelowUnevaluated = new HashSet<(string, string)>();
            var pending = new Stack<SchemaLocation>();
            foreach (var candidate in _documents.Values.Where(d => d.Root is not null))
            {
                foreach (var checker in SchemaWalker.DescendantsAndSelf(candidate.Root!).Where(n => n.UnevaluatedProperties is not null || n.UnevaluatedItems is not null))
                {
                    pending.Push(new SchemaLocation(candidate, checker));
                }
            }

            while (pending.Count > 0)
            {
                var (owner, current) = pending.Pop();
                if (!_inPlaceBelowUnevaluated.Add((owner.Path, current.Pointer)))
                {
                    continue;
                }

                foreach (var next in InPlaceSubschemas(owner, current))
                {
                    pending.Push(next);
                }
            }
        }

        return _inPlaceBelowUnevaluated.Contains((document.Path, node.Pointer));
    }

    /// <summary>The schemas <paramref name="node"/> applies to its own instance: its in-place applicators and the targets of its references.</summary>
    /// <param name="dynamicTargets">Whether to include every place a dynamic reference may land, beside the one it names.</param>
    private IEnumerable<SchemaLocation> InPlaceSubschemas(SchemaDocument document, SchemaNode node, bool dynamicTargets = true)
    {
        var local = node.AllOf.Concat(node.AnyOf).Concat(node.OneOf).Concat(node.DependentSchemas.Select(d => d.Schema))
            .Concat(new[] { node.If, node.Then, node.Else, node.Not }.Where(n => n is not null).Select(n => n!));
        foreach (var child in local)
        {
            yield return new SchemaLocation(document, child);
        }

        if (node.Ref is not null && FindReference(document, node, report: false) is { } target)
        {
            yield return new SchemaLocation(target.Document, target.Node);
        }

        if (node.DynamicRef is not null && FindReference(document, node, node.DynamicRef, node.Location, report: false) is { } dynamic)
        {
            yield return new SchemaLocation(dynamic.Document, dynamic.Node);
            if (!dynamicTargets)
            {
                yield break;
            }

            foreach (var (_, location) in DynamicLandingPlaces(document, node, dynamic.Node))
            {
                yield return location;
            }
        }
    }

    /// <summary>
    /// The dynamic scope number to record when a reference from <paramref name="from"/> lands on <paramref name="target"/>:
    /// that of the target's resource, when it is another resource that declares a dynamic anchor and the target is not
    /// its root (a root records itself).
    /// </summary>
    private int? ScopeEnteredBy(SchemaDocument document, SchemaNode from, (SchemaDocument Document, SchemaNode Node)? target)
    {
        if (target is not { } found || SchemaResources.IsResourceRoot(found.Node))
        {
            return null;
        }

        var resource = _resources.ResourceOf(found.Document, found.Node);
        return resource == _resources.ResourceOf(document, from) ? null : _resources.DynamicScopeId(resource);
    }

    /// <summary>
    /// How a <c>$dynamicRef</c> (or <c>$recursiveRef</c>) is followed. It first resolves as a plain reference; when the
    /// schema it lands on declares the dynamic anchor its fragment names (or, for <c>$recursiveRef</c>, says
    /// <c>"$recursiveAnchor": true</c>), it may land instead on the same anchor in any resource that declares it, chosen at
    /// run time as the outermost one evaluation has entered.
    /// </summary>
    private DynamicRefSpec? DynamicReferenceOf(SchemaDocument document, SchemaNode node)
    {
        if (node.DynamicRef is null)
        {
            return null;
        }

        var found = FindReference(document, node, node.DynamicRef, node.DynamicRefLocation ?? node.Location, report: true);
        if (found is not { } target)
        {
            return null;
        }

        // Only a resource whose evaluation can lead here can be in the dynamic scope here.
        var reachers = FilesThatReach(document.Path);
        var targets = DynamicLandingPlaces(document, node, target.Node)
            .Where(t => reachers.Contains(t.Location.Document.Path) && !HasErrors(t.Location.Document.Path));
        return new DynamicRefSpec(
            ReaderOf(target.Document, target.Node),
            ScopeEnteredBy(document, node, target),
            targets.Select(t => new DynamicTarget(t.ScopeId, ReaderOf(t.Location.Document, t.Location.Node))).ToEquatableArray());
    }

    /// <summary>
    /// Where the dynamic reference of <paramref name="node"/>, which names <paramref name="named"/> statically, may land
    /// instead: for <c>$dynamicRef</c>, when <paramref name="named"/> declares the dynamic anchor its fragment names, every
    /// resource that declares that anchor; for <c>$recursiveRef</c>, when <paramref name="named"/> says
    /// <c>"$recursiveAnchor": true</c>, every resource root that says so. Otherwise nowhere: it is a plain reference.
    /// </summary>
    private IEnumerable<(int ScopeId, SchemaLocation Location)> DynamicLandingPlaces(SchemaDocument document, SchemaNode node, SchemaNode named)
    {
        if (node.IsRecursiveRef)
        {
            return named.RecursiveAnchor ? _resources.RecursiveAnchorTargets() : Enumerable.Empty<(int, SchemaLocation)>();
        }

        var fragment = UriReferences.SplitFragment(_resources.Absolute(document, node, node.DynamicRef!)).Fragment;
        return fragment.Length > 0 && !fragment.StartsWith("/", StringComparison.Ordinal) && named.DynamicAnchor == fragment
            ? _resources.DynamicAnchorTargets(fragment)
            : Enumerable.Empty<(int, SchemaLocation)>();
    }

    /// <summary>The members an object case requires, and those of them whose value is a fixed string.</summary>
    private (EquatableArray<string> Required, EquatableArray<ConstMember> Consts) RequiredShape(SchemaDocument document, SchemaNode branch)
    {
        var (targetDocument, target) = Dereference(document, branch, new HashSet<(string, string)>());
        if (target is null || targetDocument is null || target.Properties.IsEmpty)
        {
            return (EquatableArray<string>.Empty, EquatableArray<ConstMember>.Empty);
        }

        var consts = new List<ConstMember>();
        foreach (var property in target.Properties.Where(p => target.Required.Contains(p.Name)))
        {
            var (_, schema) = Dereference(targetDocument, property.Schema, new HashSet<(string, string)>());
            if (schema?.Const is { Kind: JsonTypes.String } literal)
            {
                consts.Add(new ConstMember(property.Name, literal.Text));
            }
        }

        return (target.Required, consts.ToEquatableArray());
    }

    private NodeMember MemberReader(SchemaDocument document, SchemaNode owner, PropertyNode property, RecordSpec? record)
    {
        var member = record?.Members.FirstOrDefault(m => m.WireName == property.Name);
        return new NodeMember
        {
            WireName = property.Name,
            PropertyName = member?.Name,
            PropertyType = member?.CSharpType,
            Reader = LocalReader(document, property.Schema),
            Required = owner.Required.Contains(property.Name),
            IsConst = member?.Const is not null,
            ClientOnly = property.Schema.ClientOnly,
            IsOptionalWrapper = member?.IsOptionalWrapper ?? false,
        };
    }

    private EquatableArray<string> ReadOnlyMembersOf(SchemaDocument document, SchemaNode node)
    {
        if (node.RequestFor is null || document.Mode != SchemaMode.Contract)
        {
            return node.ServerAssigned;
        }

        var (file, fragment) = SchemaPaths.Resolve(document.Path, node.RequestFor);
        if (!_documents.TryGetValue(file, out var resource) || resource.Root is null || SchemaPointers.Find(resource.Root, fragment) is not { } target)
        {
            Report(document.Path, "x-stagehand-requestFor", $"The resource '{node.RequestFor}' was not found: looked for '{file}'.", node.Location);
            return EquatableArray<string>.Empty;
        }

        return target.Properties
            .Where(p => p.Schema.ReadOnly || (Dereference(resource, p.Schema, new HashSet<(string, string)>()).Node?.ReadOnly ?? false))
            .Select(p => p.Name)
            .Concat(node.ServerAssigned)
            .Distinct(StringComparer.Ordinal)
            .Where(name => node.Properties.All(own => own.Name != name))
            .ToEquatableArray();
    }

    /// <summary>The reader of a node in the same file: called by its name alone, from within the file's reader class.</summary>
    private MethodRef LocalReader(SchemaDocument document, SchemaNode node) =>
        ReaderOf(document, node) with { Target = string.Empty };

    private MethodRef? ReferenceReader(SchemaDocument document, SchemaNode node)
    {
        var target = FindReference(document, node);
        return target is null ? null
            : target.Value.Document.Path == document.Path ? LocalReader(document, target.Value.Node)
            : ReaderOf(target.Value.Document, target.Value.Node);
    }

    private MethodRef ReaderOf(SchemaDocument document, SchemaNode node)
    {
        var value = new ReadType(AnyShape.CSharpType, false);
        if (document.Mode == SchemaMode.Contract && node.BooleanValue is null)
        {
            var resolved = Resolve(document, node);
            if (resolved is not null)
            {
                value = new ReadType(resolved.Value.Shape.CSharpType, resolved.Value.Nullable && resolved.Value.Shape.Kind != ValueKind.Any);
            }
        }

        return new MethodRef(ReaderClassOf(document), ReaderNameFor(document, node), value, AcceptedTypes(document, node, new HashSet<(string, string)>()));
    }

    /// <summary>The JSON types a node can accept at most; <see cref="JsonTypes.None"/> when it cannot be told.</summary>
    private JsonTypes AcceptedTypes(SchemaDocument document, SchemaNode node, HashSet<(string, string)> visiting)
    {
        if (!visiting.Add((document.Path, node.Pointer)))
        {
            return JsonTypes.None;
        }

        if (node.BooleanValue is not null)
        {
            return JsonTypes.None;
        }

        var accepted = node.Types;
        if (accepted.HasFlag(JsonTypes.Number))
        {
            accepted |= JsonTypes.Integer;
        }

        if (accepted == JsonTypes.None && node.Const is not null)
        {
            accepted = node.Const.Kind;
        }

        if (accepted == JsonTypes.None && !node.Enum.IsEmpty)
        {
            accepted = node.Enum.Aggregate(JsonTypes.None, (all, v) => all | v.Kind);
        }

        if (accepted == JsonTypes.None && node.Ref is not null && FindReference(document, node, report: false) is { } target)
        {
            accepted = AcceptedTypes(target.Document, target.Node, visiting);
        }

        if (accepted == JsonTypes.None && node.IsUnion)
        {
            foreach (var branch in node.Branches)
            {
                var branchTypes = AcceptedTypes(document, branch, visiting);
                if (branchTypes == JsonTypes.None)
                {
                    return JsonTypes.None;
                }

                accepted |= branchTypes;
            }
        }

        if (accepted.HasFlag(JsonTypes.Integer) && !node.Types.HasFlag(JsonTypes.Integer))
        {
            accepted |= JsonTypes.Number;
        }

        return accepted;
    }
}
