// Admin Console: lists, creates and deletes users through the User Management API.
//
// The page and the API share one origin: the console's distribution sends /api/* to the API,
// so the browser makes no cross-origin call and the page needs no configuration.
"use strict";

const API = "/api/users";

const elements = {
  form: document.getElementById("new-user"),
  message: document.getElementById("message"),
  loading: document.getElementById("loading"),
  empty: document.getElementById("empty"),
  table: document.getElementById("users"),
  rows: document.querySelector("#users tbody"),
};

// The API's error text, or a plain one when the answer is not the API's JSON.
async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === "string") return body.error;
  } catch (ignored) {
    // not JSON: fall through
  }
  return `the API answered ${response.status} ${response.statusText}`.trim();
}

async function request(method, url, body) {
  const options = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new Error(`cannot reach the API: ${error.message}`);
  }
  if (!response.ok) throw new Error(await errorOf(response));
  return response.status === 204 ? null : response.json();
}

function showMessage(text, kind) {
  elements.message.textContent = text;
  elements.message.className = kind;
  elements.message.hidden = false;
}

function clearMessage() {
  elements.message.hidden = true;
  elements.message.textContent = "";
}

function setBusy(busy) {
  for (const control of elements.form.elements) control.disabled = busy;
  document.body.classList.toggle("busy", busy);
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

function rowOf(user) {
  const row = document.createElement("tr");
  row.dataset.id = user.id;
  const created = user.created_at ? new Date(user.created_at).toLocaleString() : "";
  row.append(cell(user.name), cell(user.email), cell(created));

  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = "Delete";
  remove.setAttribute("aria-label", `Delete ${user.name}`);
  remove.addEventListener("click", () => deleteUser(user, remove));
  const actions = document.createElement("td");
  actions.append(remove);
  row.append(actions);
  return row;
}

function render(users) {
  elements.rows.replaceChildren(...users.map(rowOf));
  elements.table.hidden = users.length === 0;
  elements.empty.hidden = users.length !== 0;
}

async function loadUsers() {
  elements.loading.hidden = false;
  try {
    const { users } = await request("GET", API);
    render(users);
  } catch (error) {
    showMessage(`Cannot load the users: ${error.message}`, "error");
  } finally {
    elements.loading.hidden = true;
  }
}

async function createUser(event) {
  event.preventDefault();
  clearMessage();
  const data = new FormData(elements.form);
  const user = { name: data.get("name"), email: data.get("email") };
  setBusy(true);
  try {
    const created = await request("POST", API, user);
    elements.form.reset();
    showMessage(`Created ${created.name}.`, "success");
    await loadUsers();
  } catch (error) {
    showMessage(`Cannot create the user: ${error.message}`, "error");
  } finally {
    setBusy(false);
  }
}

async function deleteUser(user, button) {
  clearMessage();
  button.disabled = true;
  try {
    await request("DELETE", `${API}/${encodeURIComponent(user.id)}`);
    showMessage(`Deleted ${user.name}.`, "success");
    await loadUsers();
  } catch (error) {
    showMessage(`Cannot delete ${user.name}: ${error.message}`, "error");
    button.disabled = false;
  }
}

elements.form.addEventListener("submit", createUser);
loadUsers();
