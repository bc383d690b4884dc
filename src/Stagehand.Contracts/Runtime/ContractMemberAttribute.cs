using System;

namespace Stagehand.Contracts;

/// <summary>Marks a property bound to a member of a wire contract.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ContractMemberAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="wireName">The name of the member on the wire.</param>
    /// <exception cref="ArgumentNullException"><paramref name="wireName"/> is <see langword="null"/>.</exception>
    public ContractMemberAttribute(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        WireName = wireName;
    }

    /// <summary>Gets the name of the member on the wire.</summary>
    public string WireName { get; }

    /// <summary>Gets or sets a value telling whether the member must be present on the wire.</summary>
    public bool Required { get; set; }

    /// <summary>Gets or sets a value telling whether the member is set by the server only (rejected in requests that write it).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Gets or sets a value telling whether the member is accepted on writes but never returned.</summary>
    public bool WriteOnly { get; set; }

    /// <summary>Gets or sets a value telling whether the member holds a secret, redacted in <c>ToString()</c> and validation messages.</summary>
    public bool Sensitive { get; set; }

    /// <summary>Gets or sets a value telling whether the member is an SDK-side setting, never written to or read from the wire.</summary>
    public bool ClientOnly { get; set; }
}
