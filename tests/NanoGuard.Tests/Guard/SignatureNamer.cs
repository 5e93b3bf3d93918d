using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Meter.NanoGuard;

/// <summary>
/// Decodes metadata signatures into readable type names ("System.Byte[]", "System.Int32&amp;")
/// and reports, through <see cref="Sink"/>, every framework type they mention and every
/// construct nanoFramework lacks (generic instantiations, pointers, multi-dimensional arrays).
/// </summary>
internal sealed class SignatureNamer : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;
    private readonly Func<TypeReferenceHandle, bool> _isExternal;

    public SignatureNamer(MetadataReader reader, Func<TypeReferenceHandle, bool> isExternal)
    {
        _reader = reader;
        _isExternal = isExternal;
    }

    /// <summary>Receives what the signature being decoded uses; set before each decode.</summary>
    public ISignatureSink Sink { get; set; } = NullSink.Instance;

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
    {
        PrimitiveTypeCode.Boolean => "Boolean",
        PrimitiveTypeCode.Byte => "Byte",
        PrimitiveTypeCode.SByte => "SByte",
        PrimitiveTypeCode.Char => "Char",
        PrimitiveTypeCode.Int16 => "Int16",
        PrimitiveTypeCode.UInt16 => "UInt16",
        PrimitiveTypeCode.Int32 => "Int32",
        PrimitiveTypeCode.UInt32 => "UInt32",
        PrimitiveTypeCode.Int64 => "Int64",
        PrimitiveTypeCode.UInt64 => "UInt64",
        PrimitiveTypeCode.Single => "Single",
        PrimitiveTypeCode.Double => "Double",
        PrimitiveTypeCode.IntPtr => "IntPtr",
        PrimitiveTypeCode.UIntPtr => "UIntPtr",
        PrimitiveTypeCode.Object => "Object",
        PrimitiveTypeCode.String => "String",
        PrimitiveTypeCode.TypedReference => "TypedReference",
        PrimitiveTypeCode.Void => "Void",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeName(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var name = MetadataNames.TypeName(reader, handle);
        // A generic type's own name (List`1) only appears inside an instantiation, which
        // GetGenericInstantiation reports as a whole.
        if (_isExternal(handle) && !name.Contains('`')) Sink.ExternalType(name);
        return name;
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        var name = elementType + "[" + new string(',', shape.Rank - 1) + "]";
        Sink.Unsupported("multi-dimensional array " + name);
        return name;
    }

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType)
    {
        Sink.Unsupported("pointer type " + elementType + "*");
        return elementType + "*";
    }

    public string GetPinnedType(string elementType)
    {
        Sink.Unsupported("pinned local (fixed statement) of " + elementType);
        return elementType;
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        Sink.Unsupported("function pointer");
        return "method*";
    }

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var name = genericType + "<" + string.Join(",", typeArguments) + ">";
        Sink.Generic(name);
        return name;
    }

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    private sealed class NullSink : ISignatureSink
    {
        public static readonly NullSink Instance = new();
        public void ExternalType(string fullName) { }
        public void Generic(string display) { }
        public void Unsupported(string what) { }
    }
}

/// <summary>What a decoded signature uses.</summary>
internal interface ISignatureSink
{
    void ExternalType(string fullName);
    void Generic(string display);
    void Unsupported(string what);
}
