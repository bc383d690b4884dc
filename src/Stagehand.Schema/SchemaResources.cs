using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>A schema node and the file it is in.</summary>
internal readonly record struct SchemaLocation(SchemaDocument Document, SchemaNode Node);

/// <summary>
/// Where every schema of a build can be found by URI, as JSON Schema's core says: each file by the URI it is retrieved by
/// (<see cref="SchemaDocument.BaseUri"/>) and by its root's <c>$id</c>, each embedded resource by its <c>$id</c> resolved
/// against the base URI around it, each <c>$anchor</c> (and <c>$dynamicAnchor</c>) as a fragment of its resource, and
/// every node by a JSON Pointer fragment from the resource it is in. Nothing is fetched: a URI that names no file of the
/// build is not found.
/// </summary>
internal sealed class SchemaResources
{
    private readonly Dictionary<string, SchemaLocation> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string Pointer), SchemaNode> _nodes = new();
    private readonly Dictionary<(string Path, string Pointer), string> _baseUris = new();

    /// <summary>The resource (its absolute URI, no fragment) each node belongs to, by file and pointer.</summary>
    private readonly Dictionary<(string Path, string Pointer), string> _resourceOf = new();

    /// <summary>Every <c>$dynamicAnchor</c> of the build: by its name, the resources that declare it and where.</summary>
    private readonly Dictionary<string, List<(string Resource, SchemaLocation Location)>> _dynamicAnchors = new(StringComparer.Ordinal);

    /// <summary>The roots of the resources that say <c>"$recursiveAnchor": true</c> (draft 2019-09).</summary>
    private readonly List<(string Resource, SchemaLocation Location)> _recursiveAnchors = new();

    /// <summary>A number for each resource that can be in a dynamic scope lookup: one that declares a dynamic or recursive anchor.</summary>
    private readonly Dictionary<string, int> _dynamicScopeIds = new(StringComparer.Ordinal);

    public SchemaResources(IEnumerable<SchemaDocument> documents)
    {
        var withRoots = documents.Where(d => d.Root is not null).OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        foreach (var document in withRoots)
        {
            // A file is found by the URI it is retrieved by, whatever its $id says (first come, first kept).
            Register(_resources, UriReferences.SplitFragment(document.BaseUri).Resource, new SchemaLocation(document, document.Root!));
        }

        foreach (var document in withRoots)
        {
            Index(document, document.Root!, UriReferences.SplitFragment(document.BaseUri).Resource);
        }

        var scoped = _dynamicAnchors.Values.SelectMany(list => list).Concat(_recursiveAnchors).Select(entry => entry.Resource)
            .Distinct(StringComparer.Ordinal).OrderBy(uri => uri, StringComparer.Ordinal);
        foreach (var resource in scoped)
        {
            _dynamicScopeIds[resource] = _dynamicScopeIds.Count;
        }
    }

    /// <summary>
    /// The number of the resource <paramref name="resource"/> when evaluation entering it must be remembered in the
    /// dynamic scope (it declares a dynamic or recursive anchor); null for every other resource, which costs nothing.
    /// </summary>
    public int? DynamicScopeId(string resource) => _dynamicScopeIds.TryGetValue(resource, out var id) ? id : null;

    /// <summary>Where each resource that declares the dynamic anchor <paramref name="name"/> declares it, with the resource's number.</summary>
    public IEnumerable<(int ScopeId, SchemaLocation Location)> DynamicAnchorTargets(string name) =>
        _dynamicAnchors.TryGetValue(name, out var list)
            ? list.Select(entry => (_dynamicScopeIds[entry.Resource], entry.Location))
            : Enumerable.Empty<(int, SchemaLocation)>();

    /// <summary>The roots of the resources that say <c>"$recursiveAnchor": true</c>, with their numbers.</summary>
    public IEnumerable<(int ScopeId, SchemaLocation Location)> RecursiveAnchorTargets() =>
        _recursiveAnchors.Select(entry => (_dynamicScopeIds[entry.Resource], entry.Location));

    /// <summary>Whether <paramref name="node"/> is the root of its resource (a file's root, or a schema with an <c>$id</c>).</summary>
    public static bool IsResourceRoot(SchemaNode node) => node.Pointer.Length == 0 || node.Id is not null;

    /// <summary>The base URI that references written in <paramref name="node"/> resolve against (its own <c>$id</c> included).</summary>
    public string BaseUriOf(SchemaDocument document, SchemaNode node) =>
        _baseUris.TryGetValue((document.Path, node.Pointer), out var uri) ? uri : document.BaseUri;

    /// <summary>The absolute URI of the resource <paramref name="node"/> is in (the nearest <c>$id</c>, else its file's URI).</summary>
    public string ResourceOf(SchemaDocument document, SchemaNode node) =>
        _resourceOf.TryGetValue((document.Path, node.Pointer), out var uri) ? uri : UriReferences.SplitFragment(document.BaseUri).Resource;

    /// <summary>The absolute URI <paramref name="reference"/>, written in <paramref name="node"/>, stands for.</summary>
    public string Absolute(SchemaDocument document, SchemaNode node, string reference) =>
        UriReferences.Resolve(BaseUriOf(document, node), reference);

    /// <summary>The schema an absolute URI identifies, or null.</summary>
    public SchemaLocation? Find(string absoluteUri)
    {
        var (resource, fragment) = UriReferences.SplitFragment(absoluteUri);
        if (!_resources.TryGetValue(resource, out var found))
        {
            return null;
        }

        fragment = Unescape(fragment);
        if (fragment.Length == 0)
        {
            return found;
        }

        if (fragment.StartsWith("/", StringComparison.Ordinal))
        {
            return _nodes.TryGetValue((found.Document.Path, found.Node.Pointer + fragment), out var node) ? new SchemaLocation(found.Document, node) : null;
        }

        return _anchors.TryGetValue(resource + "#" + fragment, out var anchored) ? anchored : null;
    }

    /// <summary>Whether a file of the build is known by the resource part of <paramref name="absoluteUri"/>.</summary>
    public bool HasResource(string absoluteUri) => _resources.ContainsKey(UriReferences.SplitFragment(absoluteUri).Resource);

    private void Index(SchemaDocument document, SchemaNode node, string baseUri)
    {
        if (node.Id is not null)
        {
            baseUri = UriReferences.SplitFragment(UriReferences.Resolve(baseUri, node.Id)).Resource;
            Register(_resources, baseUri, new SchemaLocation(document, node));
        }

        var key = (document.Path, node.Pointer);
        _baseUris[key] = baseUri;
        _resourceOf[key] = baseUri;
        _nodes[key] = node;
        if (node.Anchor is not null)
        {
            Register(_anchors, baseUri + "#" + node.Anchor, new SchemaLocation(document, node));
        }

        if (node.DynamicAnchor is not null)
        {
            // A dynamic anchor is also a plain anchor: a $ref (or a $dynamicRef with no dynamic match) reaches it so.
            var location = new SchemaLocation(document, node);
            Register(_anchors, baseUri + "#" + node.DynamicAnchor, location);
            if (!_dynamicAnchors.TryGetValue(node.DynamicAnchor, out var declared))
            {
                _dynamicAnchors[node.DynamicAnchor] = declared = new List<(string, SchemaLocation)>();
            }

            if (!declared.Exists(entry => entry.Resource == baseUri))
            {
                declared.Add((baseUri, location));
            }
        }

        if (node.RecursiveAnchor && IsResourceRoot(node) && !_recursiveAnchors.Exists(entry => entry.Resource == baseUri))
        {
            _recursiveAnchors.Add((baseUri, new SchemaLocation(document, node)));
        }

        foreach (var child in SchemaWalker.Children(node))
        {
            Index(document, child, baseUri);
        }
    }

    private static void Register(Dictionary<string, SchemaLocation> index, string key, SchemaLocation location)
    {
        if (!index.ContainsKey(key))
        {
            index[key] = location;
        }
    }

    private static string Unescape(string fragment)
    {
        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }
}
