//! A `serde` serializer that builds Python objects: `dict`, `list`, `str`, `int`, `float`,
//! `bool` and `None`, exactly what `json.loads` makes of the JSON that `serde_json` (and
//! `vanban::json`, byte-identical to it) writes for the same value. `vanban.parse` builds its
//! dicts with it straight from the parsed document, with no JSON text in between.
//!
//! Why not `json.loads(parse_json(...))`: turning a document into JSON and the JSON back into
//! objects cost twice what the command spends on the whole document (`python/README.md`,
//! "Throughput"). Here:
//! - each struct field name (a `&'static str`) becomes one interned Python `str`, made once per
//!   process and kept in a table keyed by the name's address: a document of 1,000 nodes
//!   inserts 5,000 keys and makes none (`json.loads` makes each key once per call);
//! - objects are made through the C API (`PyDict_SetItem`, `PyList_SetItem` stealing the
//!   reference), and `None`, `True` and `False` are the singletons.
//!
//! Tried and measured, not kept (`docs/performance.md`, "Python, session 10"): pausing the
//! cyclic garbage collector while a tree is built (no gain when the trees are dropped, 0.9% of
//! the instructions when 3,000 are kept: a document's containers stay below the collector's
//! threshold); copying each struct's dict from a kept dict of the same keys instead of filling
//! an empty one (2% of the building, no more); building non-ASCII strings from code points
//! with `PyUnicode_FromWideChar` instead of CPython's UTF-8 decoder (5% fewer instructions for
//! the strings, under 1% of the whole, for an `unsafe` buffer).
//!
//! The mapping is `serde_json`'s, case for case (so that the two functions can never disagree):
//! unit, `None` and unit structs are `None`; NaN and infinities are `None` (`serde_json` writes
//! `null`); an `f32` is the `float` its shortest decimal form reads as (`json.loads` reads the
//! digits `serde_json` writes, not the widened binary value); bytes are a list of ints; a unit
//! variant is its name, a newtype variant `{name: value}`, tuple and struct variants `{name:
//! [...]}` and `{name: {...}}`; map keys are strings, integers, booleans, chars and finite floats
//! written as `serde_json` writes them, any other key the error "key must be a string".
//! `tests/test_objects.py` compares `parse` with `json.loads(parse_json(...))` on every document
//! of the corpus and every fixture.

use std::collections::HashMap;
use std::fmt::{self, Display};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, TryLockError};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3::{IntoPyObjectExt, PyErr, ffi};
use serde::Serialize;
use serde::ser::{self, Impossible};

/// A Python object, or the Python exception (a `MemoryError`, mostly) that stopped the build.
type Built<'py> = Result<Bound<'py, PyAny>, Error>;

/// Why a value could not be built: a Python exception, or a `Serialize` impl's own error.
#[derive(Debug)]
pub struct Error(PyErr);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        e.0
    }
}

/// `value` as the Python objects `json.loads` would give for its JSON.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    // Every user of the table holds the GIL, so it is busy only for a re-entrant call (from a
    // finalizer): that call gets a table of its own. A panic in an earlier build left the
    // table whole (entries are inserted complete).
    let mut shared = match KEYS.try_lock() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    };
    let mut local = Names::default();
    let names = match shared.as_mut() {
        Some(guard) => &mut **guard,
        None => &mut local,
    };
    let mut builder = Builder { py, names };
    Ok(value.serialize(&mut builder)?)
}

/// Interned Python strings of the struct field and variant names, by the name's address and
/// length (the names are `&'static str`s of the derived `Serialize` impls: a few hundred).
type Names = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

/// The process's table of names. Entries live as long as the process (a few hundred short
/// strings); a `static` is never dropped, so no reference is released without the GIL.
static KEYS: Mutex<Names> = Mutex::new(HashMap::with_hasher(BuildHasherDefault::new()));

/// FxHash's step over the two words of a name's key: the table is looked up at every struct
/// field, and SipHash (the default) would cost as much as the insertion it serves.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_usize(usize::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

struct Builder<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
}

impl<'py> Builder<'_, 'py> {
    /// The interned `str` of a field or variant name, borrowed from the table.
    fn name(&mut self, name: &'static str) -> &Bound<'py, PyString> {
        let py = self.py;
        self.names
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
    }

    /// Takes a new reference returned by the C API; NULL means an exception was raised.
    fn owned(&self, ptr: *mut ffi::PyObject) -> Built<'py> {
        // SAFETY: `ptr` is the result of a C API call that returns a new reference or NULL
        // with an exception set, and the GIL is held (`self.py`).
        unsafe { Bound::from_owned_ptr_or_err(self.py, ptr) }.map_err(Error)
    }

    fn str(&self, s: &str) -> Built<'py> {
        Ok(PyString::new(self.py, s).into_any())
    }

    fn dict(&self) -> Built<'py> {
        // SAFETY: the GIL is held.
        self.owned(unsafe { ffi::PyDict_New() })
    }

    fn set(
        &self,
        dict: &Bound<'py, PyAny>,
        key: &Bound<'py, PyAny>,
        value: &Bound<'py, PyAny>,
    ) -> Result<(), Error> {
        // SAFETY: the GIL is held; `dict` is a dict this builder made; the call takes its own
        // references to the key and the value.
        if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), key.as_ptr(), value.as_ptr()) } < 0 {
            return Err(Error(PyErr::fetch(self.py)));
        }
        Ok(())
    }

    /// `{name: value}`: a newtype variant, or the outside of a tuple or struct variant.
    fn variant(&mut self, name: &'static str, value: Bound<'py, PyAny>) -> Built<'py> {
        let dict = self.dict()?;
        let key = self.name(name).clone().into_any();
        self.set(&dict, &key, &value)?;
        Ok(dict)
    }

    fn list(&self, items: Vec<Bound<'py, PyAny>>) -> Built<'py> {
        let len = ffi::Py_ssize_t::try_from(items.len())
            .map_err(|_| <Error as ser::Error>::custom("too many items for a Python list"))?;
        // SAFETY: the GIL is held.
        let list = self.owned(unsafe { ffi::PyList_New(len) })?;
        for (i, item) in (0..len).zip(items) {
            // SAFETY: `i` is below the new list's length; `PyList_SetItem` steals the item's
            // reference (`into_ptr`) and cannot fail on a fresh list with a valid index.
            unsafe { ffi::PyList_SetItem(list.as_ptr(), i, item.into_ptr()) };
        }
        Ok(list)
    }

    fn float(&self, v: f64) -> Built<'py> {
        if !v.is_finite() {
            return self.unit();
        }
        // SAFETY: the GIL is held.
        self.owned(unsafe { ffi::PyFloat_FromDouble(v) })
    }

    fn unit(&self) -> Built<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
}

/// A list being built, or the list of a tuple variant (`variant`: its name).
struct Seq<'a, 'b, 'py> {
    builder: &'a mut Builder<'b, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// A dict being built: a map (keys through [`MapKey`]), a struct, or the inner dict of a struct
/// variant (`variant`: its name).
struct Map<'a, 'b, 'py> {
    builder: &'a mut Builder<'b, 'py>,
    dict: Bound<'py, PyAny>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'a, 'b, 'py> Seq<'a, 'b, 'py> {
    fn new(
        builder: &'a mut Builder<'b, 'py>,
        len: Option<usize>,
        variant: Option<&'static str>,
    ) -> Self {
        // A length hint is the serializer's promise; a huge one must not reserve memory up front.
        let items = Vec::with_capacity(len.unwrap_or(0).min(4096));
        Seq {
            builder,
            items,
            variant,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(&mut *self.builder)?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Built<'py> {
        let list = self.builder.list(self.items)?;
        match self.variant {
            Some(name) => self.builder.variant(name, list),
            None => Ok(list),
        }
    }
}

impl<'a, 'b, 'py> Map<'a, 'b, 'py> {
    fn new(
        builder: &'a mut Builder<'b, 'py>,
        variant: Option<&'static str>,
    ) -> Result<Self, Error> {
        let dict = builder.dict()?;
        Ok(Map {
            builder,
            dict,
            key: None,
            variant,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Error> {
        let value = value.serialize(&mut *self.builder)?;
        let key = self.builder.name(name).as_any().clone();
        self.builder.set(&self.dict, &key, &value)
    }

    fn finish(self) -> Built<'py> {
        match self.variant {
            Some(name) => self.builder.variant(name, self.dict),
            None => Ok(self.dict),
        }
    }
}

impl<'a, 'b, 'py> ser::Serializer for &'a mut Builder<'b, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'b, 'py>;
    type SerializeTuple = Seq<'a, 'b, 'py>;
    type SerializeTupleStruct = Seq<'a, 'b, 'py>;
    type SerializeTupleVariant = Seq<'a, 'b, 'py>;
    type SerializeMap = Map<'a, 'b, 'py>;
    type SerializeStruct = Map<'a, 'b, 'py>;
    type SerializeStructVariant = Map<'a, 'b, 'py>;

    fn serialize_bool(self, v: bool) -> Built<'py> {
        Ok(pyo3::types::PyBool::new(self.py, v).to_owned().into_any())
    }

    fn serialize_i8(self, v: i8) -> Built<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Built<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Built<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Built<'py> {
        // SAFETY: the GIL is held.
        self.owned(unsafe { ffi::PyLong_FromLongLong(v) })
    }

    fn serialize_i128(self, v: i128) -> Built<'py> {
        v.into_bound_py_any(self.py).map_err(Error)
    }

    fn serialize_u8(self, v: u8) -> Built<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Built<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Built<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Built<'py> {
        // SAFETY: the GIL is held.
        self.owned(unsafe { ffi::PyLong_FromUnsignedLongLong(v) })
    }

    fn serialize_u128(self, v: u128) -> Built<'py> {
        v.into_bound_py_any(self.py).map_err(Error)
    }

    fn serialize_f32(self, v: f32) -> Built<'py> {
        if !v.is_finite() {
            return self.unit();
        }
        // `serde_json` writes an f32's shortest digits; `json.loads` reads them as an f64
        // (0.1f32 is 0.1, not 0.10000000149011612). Rust's `Display` gives the same shortest
        // digits, which always parse back.
        let shortest: f64 = v.to_string().parse().unwrap_or(f64::from(v));
        self.float(shortest)
    }

    fn serialize_f64(self, v: f64) -> Built<'py> {
        self.float(v)
    }

    fn serialize_char(self, v: char) -> Built<'py> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Built<'py> {
        self.str(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Built<'py> {
        let items = v
            .iter()
            .map(|&b| self.serialize_u64(u64::from(b)))
            .collect::<Result<Vec<_>, _>>()?;
        self.list(items)
    }

    fn serialize_none(self) -> Built<'py> {
        self.unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Built<'py> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Built<'py> {
        self.unit()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Built<'py> {
        self.unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Built<'py> {
        // The names are few and repeated (`kind: "paragraph"`...): one interned str each.
        Ok(self.name(variant).clone().into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Built<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Built<'py> {
        let value = value.serialize(&mut *self)?;
        self.variant(variant, value)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(Seq::new(self, len, None))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        Ok(Seq::new(self, Some(len), None))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Ok(Seq::new(self, Some(len), None))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Ok(Seq::new(self, Some(len), Some(variant)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Map::new(self, None)
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Map::new(self, None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Map::new(self, Some(variant))
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for Map<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(MapKey(self.builder.py))?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let value = value.serialize(&mut *self.builder)?;
        self.builder.set(&self.dict, &key, &value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(name, value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, '_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(name, value)
    }

    fn end(self) -> Built<'py> {
        self.finish()
    }
}

/// A map key as the `str` `serde_json` writes for it: strings as they are; integers, booleans
/// and chars in their JSON spelling; finite floats in `serde_json`'s (shortest) spelling; any
/// other key refused with `serde_json`'s message.
struct MapKey<'py>(Python<'py>);

fn key_must_be_a_string() -> Error {
    <Error as ser::Error>::custom("key must be a string")
}

impl<'py> ser::Serializer for MapKey<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTuple = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleVariant = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStructVariant = Impossible<Bound<'py, PyAny>, Error>;

    fn serialize_bool(self, v: bool) -> Built<'py> {
        Ok(PyString::new(self.0, if v { "true" } else { "false" }).into_any())
    }

    fn serialize_i8(self, v: i8) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_i16(self, v: i16) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_i32(self, v: i32) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_i64(self, v: i64) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_i128(self, v: i128) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_u8(self, v: u8) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_u16(self, v: u16) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_u32(self, v: u32) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_u64(self, v: u64) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_u128(self, v: u128) -> Built<'py> {
        Ok(PyString::new(self.0, &v.to_string()).into_any())
    }

    fn serialize_f32(self, v: f32) -> Built<'py> {
        float_key(self.0, &serde_json::to_string(&v))
    }

    fn serialize_f64(self, v: f64) -> Built<'py> {
        float_key(self.0, &serde_json::to_string(&v))
    }

    fn serialize_char(self, v: char) -> Built<'py> {
        Ok(PyString::new(self.0, v.encode_utf8(&mut [0; 4])).into_any())
    }

    fn serialize_str(self, v: &str) -> Built<'py> {
        Ok(PyString::new(self.0, v).into_any())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Built<'py> {
        Ok(PyString::new(self.0, variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Built<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Built<'py> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

/// A float key as `serde_json` writes it (its shortest form), or its refusal of NaN and the
/// infinities.
fn float_key<'py>(py: Python<'py>, json: &Result<String, serde_json::Error>) -> Built<'py> {
    match json {
        Ok(text) if text != "null" => Ok(PyString::new(py, text).into_any()),
        Ok(_) => Err(<Error as ser::Error>::custom(
            "float key must be finite (got NaN or +/-inf)",
        )),
        Err(e) => Err(<Error as ser::Error>::custom(e)),
    }
}

/// A value that takes every path of the data model the document's types do not (all integer
/// widths, `f32`, non-finite floats, bytes, every kind of variant and struct, maps with
/// integer, boolean, char, float and repeated keys, a flattened map), for the tests: they
/// check that its objects are what `json.loads` makes of `serde_json`'s text and of
/// `vanban::json`'s.
pub mod sample {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde::ser::{SerializeMap, Serializer};

    #[derive(Serialize)]
    enum Variant {
        Unit,
        Newtype(u8),
        Tuple(i32, f32),
        Struct { a: Option<bool>, b: char },
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Newtype(i64);

    #[derive(Serialize)]
    struct TupleStruct(u16, &'static str);

    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    /// Keys of every kind `serde_json` accepts, one of them twice.
    struct Keys;

    impl Serialize for Keys {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(None)?;
            map.serialize_entry("k", &1)?;
            map.serialize_entry(&-7i64, &2)?;
            map.serialize_entry(&u128::MAX, &3)?;
            map.serialize_entry(&true, &4)?;
            map.serialize_entry(&'đ', &5)?;
            map.serialize_entry(&0.1f64, &6)?;
            map.serialize_entry(&1e20f32, &7)?;
            map.serialize_entry(&Variant::Unit, &8)?;
            map.serialize_entry("k", &9)?;
            map.end()
        }
    }

    #[derive(Serialize)]
    struct Sample {
        ints: (i8, i16, i32, i64, u8, u16, u32, u64, i128, u128),
        floats: Vec<f64>,
        f32s: Vec<f32>,
        text: (char, String),
        bytes: Bytes,
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype,
        tuple_struct: TupleStruct,
        variants: Vec<Variant>,
        none: Option<u8>,
        some: Option<Vec<u8>>,
        keys: Keys,
        empty: (Vec<u8>, BTreeMap<String, u8>),
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        #[serde(flatten)]
        flattened: BTreeMap<&'static str, i32>,
    }

    /// The sample value.
    pub fn value() -> impl Serialize {
        Sample {
            ints: (
                i8::MIN,
                i16::MAX,
                i32::MIN,
                i64::MIN,
                u8::MAX,
                u16::MAX,
                u32::MAX,
                u64::MAX,
                i128::MIN,
                u128::MAX,
            ),
            floats: vec![0.1, -0.0, 1e300, 5e-324, f64::NAN, f64::INFINITY, 2.0],
            f32s: vec![
                0.1,
                1e20,
                f32::MAX,
                f32::MIN_POSITIVE,
                f32::NEG_INFINITY,
                16_777_217.0,
            ],
            text: ('"', "Nghị định\t\"30\"\\\u{1}\u{7f}/😀 Ả".to_owned()),
            bytes: Bytes(b"\x00\xff"),
            unit: (),
            unit_struct: UnitStruct,
            newtype: Newtype(-1),
            tuple_struct: TupleStruct(7, "bảy"),
            variants: vec![
                Variant::Unit,
                Variant::Newtype(1),
                Variant::Tuple(-2, 0.3),
                Variant::Struct { a: None, b: 'Ư' },
            ],
            none: None,
            some: Some(vec![]),
            keys: Keys,
            empty: (Vec::new(), BTreeMap::new()),
            skipped: None,
            flattened: BTreeMap::from([("z", 1), ("a", 2)]),
        }
    }
}
