//! Hooks that own browser resources (intervals, event listeners, wake locks) and release
//! them when the component unmounts or its inputs change.
