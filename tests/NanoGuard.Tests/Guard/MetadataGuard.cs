using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Meter.NanoGuard;

/// <summary>
/// Reads a compiled assembly's metadata and reports everything nanoFramework could not run:
/// generic definitions and instantiations, pointers and other unsupported constructs, and
/// references to framework types and members missing from the allow-list. Each violation
/// names our type and member that contains it.
/// </summary>
public static class MetadataGuard
{
    /// <summary>Checks the assembly in <paramref name="peImage"/>.</summary>
    /// <param name="ownAssemblies">Names of our own assemblies: references into them are not framework references.</param>
    public static IReadOnlyList<Violation> Check(byte[] peImage, ISet<string> ownAssemblies, AllowList allowList)
    {
        using var pe = new PEReader(new MemoryStream(peImage, writable: false));
        return new Scan(pe, ownAssemblies, allowList).Run();
    }

    /// <summary>Checks the assembly file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Violation> Check(string path, ISet<string> ownAssemblies, AllowList allowList) =>
        Check(File.ReadAllBytes(path), ownAssemblies, allowList);

    private sealed class Scan : ISignatureSink
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly ISet<string> _own;
        private readonly AllowList _allow;
        private readonly SignatureNamer _namer;
        private readonly string _assembly;
        private readonly List<Violation> _violations = new();
        private readonly HashSet<(string, string, ViolationRule)> _seen = new();
        private readonly HashSet<MethodDefinitionHandle> _eventAccessors = new();
        private string _where = "";

        public Scan(PEReader pe, ISet<string> own, AllowList allow)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            _own = own;
            _allow = allow;
            _assembly = _md.GetString(_md.GetAssemblyDefinition().Name);
            _namer = new SignatureNamer(_md, IsExternal) { Sink = this };
        }

        public IReadOnlyList<Violation> Run()
        {
            foreach (var typeHandle in _md.TypeDefinitions)
                foreach (var ev in _md.GetTypeDefinition(typeHandle).GetEvents())
                {
                    var accessors = _md.GetEventDefinition(ev).GetAccessors();
                    _eventAccessors.Add(accessors.Adder);
                    _eventAccessors.Add(accessors.Remover);
                }

            _where = _assembly + " (assembly attributes)";
            CheckAttributes(_md.GetCustomAttributes(EntityHandle.AssemblyDefinition), assemblyLevel: true);
            CheckAttributes(_md.GetCustomAttributes(EntityHandle.ModuleDefinition), assemblyLevel: true);

            foreach (var typeHandle in _md.TypeDefinitions) CheckType(typeHandle);
            return _violations;
        }

        private void CheckType(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            var typeName = MetadataNames.TypeName(_md, handle);
            _where = typeName;
            if (type.GetGenericParameters().Count > 0)
                Report(typeName, ViolationRule.GenericDefinition);
            if (!type.BaseType.IsNil) CheckEntity(type.BaseType);
            foreach (var ii in type.GetInterfaceImplementations())
                CheckEntity(_md.GetInterfaceImplementation(ii).Interface);
            CheckAttributes(type.GetCustomAttributes());

            foreach (var fh in type.GetFields())
            {
                var field = _md.GetFieldDefinition(fh);
                _where = typeName + "::" + _md.GetString(field.Name);
                field.DecodeSignature(_namer, null);
                CheckAttributes(field.GetCustomAttributes());
            }

            foreach (var ph in type.GetProperties())
            {
                var prop = _md.GetPropertyDefinition(ph);
                _where = typeName + "::" + _md.GetString(prop.Name);
                prop.DecodeSignature(_namer, null);
                CheckAttributes(prop.GetCustomAttributes());
            }

            foreach (var eh in type.GetEvents())
            {
                var ev = _md.GetEventDefinition(eh);
                _where = typeName + "::" + _md.GetString(ev.Name);
                CheckEntity(ev.Type);
                CheckAttributes(ev.GetCustomAttributes());
            }

            foreach (var mh in type.GetMethods()) CheckMethod(typeName, mh);
        }

        private void CheckMethod(string typeName, MethodDefinitionHandle handle)
        {
            var method = _md.GetMethodDefinition(handle);
            _where = typeName + "::" + _md.GetString(method.Name);
            if (method.GetGenericParameters().Count > 0)
                Report(_where, ViolationRule.GenericDefinition);
            method.DecodeSignature(_namer, null);
            CheckAttributes(method.GetCustomAttributes());
            foreach (var p in method.GetParameters())
                CheckAttributes(_md.GetParameter(p).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0) return;

            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_namer, null);
            foreach (var region in body.ExceptionRegions)
                if (!region.CatchType.IsNil) CheckEntity(region.CatchType);

            bool isEventAccessor = _eventAccessors.Contains(handle);
            foreach (var (token, opCode) in IlOperands.Tokens(body.GetILBytes()!))
            {
                var entity = MetadataTokens.EntityHandle(token);
                if (entity.Kind == HandleKind.StandaloneSignature)
                    Report("indirect call (calli, " + opCode + ")", ViolationRule.UnsupportedConstruct);
                else if (entity.Kind == HandleKind.MethodSpecification && isEventAccessor && IsEventCompareExchange((MethodSpecificationHandle)entity))
                    continue;
                else
                    CheckEntity(entity);
            }
        }

        private void CheckAttributes(CustomAttributeHandleCollection attributes, bool assemblyLevel = false)
        {
            foreach (var ah in attributes)
            {
                var ctor = _md.GetCustomAttribute(ah).Constructor;
                if (assemblyLevel && ctor.Kind == HandleKind.MemberReference)
                {
                    var parent = _md.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                    if (parent.Kind == HandleKind.TypeReference &&
                        CompilerArtifacts.AssemblyLevelAttributes.Contains(MetadataNames.TypeName(_md, (TypeReferenceHandle)parent)))
                        continue;
                }
                CheckEntity(ctor);
            }
        }

        private void CheckEntity(EntityHandle entity)
        {
            switch (entity.Kind)
            {
                case HandleKind.TypeReference:
                    CheckTypeReference((TypeReferenceHandle)entity);
                    break;
                case HandleKind.TypeSpecification:
                    _md.GetTypeSpecification((TypeSpecificationHandle)entity).DecodeSignature(_namer, null);
                    break;
                case HandleKind.MemberReference:
                    CheckMemberReference((MemberReferenceHandle)entity);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = _md.GetMethodSpecification((MethodSpecificationHandle)entity);
                    var args = spec.DecodeSignature(_namer, null);
                    Report(MethodName(spec.Method) + "<" + string.Join(",", args) + ">", ViolationRule.GenericInstantiation);
                    break;
                    // Definitions (our own types, methods and fields) are checked where they are defined.
            }
        }

        private void CheckTypeReference(TypeReferenceHandle handle)
        {
            if (!IsExternal(handle)) return;
            var name = MetadataNames.TypeName(_md, handle);
            if (name.Contains('`')) Report(name, ViolationRule.GenericInstantiation);
            else ExternalType(name);
        }

        private void CheckMemberReference(MemberReferenceHandle handle)
        {
            var member = _md.GetMemberReference(handle);
            // What decoding the parent and the signature reports is held back until we know whether
            // this exact reference is a mapped host form (tools/nano-api.txt "HostForm => DeviceForm"):
            // then its host-only types (Span`1 …) are the mapping's business, and the device form is checked.
            var parentUses = new DeferredSink();
            var signatureUses = new DeferredSink();
            string parent;
            bool parentIsSpecification = false;
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeReference:
                    var tr = (TypeReferenceHandle)member.Parent;
                    parent = MetadataNames.TypeName(_md, tr);
                    if (!IsExternal(tr)) return;
                    if (parent.Contains('`')) { Report(parent, ViolationRule.GenericInstantiation); return; }
                    ExternalType(parent);
                    break;
                case HandleKind.TypeSpecification:
                    // A member of an instantiated generic type (List<int>::Add, Span<byte>::op_Implicit)
                    // or of an array of our own or allowed types.
                    parentIsSpecification = true;
                    parent = WithSink(parentUses, () => _md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(_namer, null));
                    break;
                default:
                    return; // members of our own definitions or modules
            }

            string full = parent + "::" + _md.GetString(member.Name);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                var sig = WithSink(signatureUses, () => member.DecodeMethodSignature(_namer, null));
                full += "(" + string.Join(",", sig.ParameterTypes) + ")";
            }
            else
            {
                WithSink(signatureUses, () => member.DecodeFieldSignature(_namer, null));
            }

            if (_allow.TryGetDeviceForm(full, out var mapped))
            {
                // Exactly listed host form: check what the device build binds to instead.
                if (!_allow.AllowsMember(mapped)) Report(mapped, ViolationRule.MemberNotAllowed);
                return;
            }

            parentUses.ReplayTo(this);
            if (parentIsSpecification)
                return; // generic instantiations are reported by the decode above; array members (Get/Set/Address) are runtime-provided
            signatureUses.ReplayTo(this);
            if (CompilerArtifacts.DeviceForm.TryGetValue(full, out var deviceForm)) full = deviceForm;
            if (!_allow.AllowsMember(full)) Report(full, ViolationRule.MemberNotAllowed);
        }

        private T WithSink<T>(ISignatureSink sink, Func<T> decode)
        {
            var previous = _namer.Sink;
            _namer.Sink = sink;
            try { return decode(); }
            finally { _namer.Sink = previous; }
        }

        private bool IsEventCompareExchange(MethodSpecificationHandle handle) =>
            MethodName(_md.GetMethodSpecification(handle).Method) == CompilerArtifacts.EventAccessorCompareExchange;

        private string MethodName(EntityHandle method) => method.Kind switch
        {
            HandleKind.MemberReference => ParentName(_md.GetMemberReference((MemberReferenceHandle)method).Parent) + "::" +
                                          _md.GetString(_md.GetMemberReference((MemberReferenceHandle)method).Name),
            HandleKind.MethodDefinition => MetadataNames.TypeName(_md, _md.GetMethodDefinition((MethodDefinitionHandle)method).GetDeclaringType()) + "::" +
                                           _md.GetString(_md.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            _ => method.Kind.ToString(),
        };

        private string ParentName(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => MetadataNames.TypeName(_md, (TypeReferenceHandle)parent),
            HandleKind.TypeDefinition => MetadataNames.TypeName(_md, (TypeDefinitionHandle)parent),
            _ => parent.Kind.ToString(),
        };

        private bool IsExternal(TypeReferenceHandle handle)
        {
            var assembly = MetadataNames.ResolutionAssembly(_md, handle);
            return assembly != null && !_own.Contains(assembly);
        }

        // ISignatureSink: what decoded signatures use.
        public void ExternalType(string fullName)
        {
            if (!_allow.AllowsType(fullName)) Report(fullName, ViolationRule.TypeNotAllowed);
        }

        public void Generic(string display) => Report(display, ViolationRule.GenericInstantiation);

        public void Unsupported(string what) => Report(what, ViolationRule.UnsupportedConstruct);

        private void Report(string what, ViolationRule rule)
        {
            if (_seen.Add((_where, what, rule))) _violations.Add(new Violation(_assembly, _where, what, rule));
        }
    }

    /// <summary>Holds what a signature decode uses, to report it later or drop it for a mapped host form.</summary>
    private sealed class DeferredSink : ISignatureSink
    {
        private readonly List<(int Kind, string What)> _uses = new();

        public void ExternalType(string fullName) => _uses.Add((0, fullName));
        public void Generic(string display) => _uses.Add((1, display));
        public void Unsupported(string what) => _uses.Add((2, what));

        public void ReplayTo(ISignatureSink sink)
        {
            foreach (var (kind, what) in _uses)
            {
                if (kind == 0) sink.ExternalType(what);
                else if (kind == 1) sink.Generic(what);
                else sink.Unsupported(what);
            }
        }
    }
}
