// Progressive enhancement only: the complaint form works without this file.
// Adds a "use my current location" button that fills in the latitude and longitude fields from the
// browser's geolocation (asked only when the person presses the button; nothing is sent anywhere else).
document.addEventListener("DOMContentLoaded", function () {
  var lat = document.getElementById("id_latitude");
  var lng = document.getElementById("id_longitude");
  var box = document.querySelector(".location-fields");
  if (!lat || !lng || !box || !("geolocation" in navigator)) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = box.getAttribute("data-locate-label") || "ใช้ตำแหน่งปัจจุบันของฉัน";
  var status = document.createElement("p");
  status.className = "meta";
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    status.textContent = box.getAttribute("data-locating") || "กำลังหาตำแหน่ง…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lng.value = position.coords.longitude.toFixed(6);
        status.textContent = box.getAttribute("data-located") || "กรอกพิกัดให้แล้ว กรุณาตรวจสอบ";
      },
      function () {
        status.textContent = box.getAttribute("data-locate-failed") || "หาตำแหน่งไม่ได้ กรุณากรอกสถานที่เป็นข้อความ";
      },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });
  box.appendChild(button);
  box.appendChild(status);
});
