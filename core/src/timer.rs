//! The self-massage timer: routines and the session state machine (deadline based).
